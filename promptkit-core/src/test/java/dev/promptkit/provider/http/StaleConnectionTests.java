/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.test.http.CloseTiming;
import dev.promptkit.test.http.ConnectionConduct;
import dev.promptkit.test.http.ConnectionEnding;
import dev.promptkit.test.http.LoopbackHttpServer;
import dev.promptkit.test.http.LoopbackRequest;
import dev.promptkit.test.http.LoopbackResponse;
import dev.promptkit.types.TokenUsage;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that meet a kept-alive connection the server has already ended: sent again once, at once, on a new
 * connection, when no byte of answer came back; left to the retry policy otherwise. The server is a
 * {@link LoopbackHttpServer} that ends connections as real servers do, with counted triggers.
 */
class StaleConnectionTests {

    private static final String EVENTS = "data: one\n\ndata: two\n\n";
    private static final List<ProviderChunk> ANSWER = List.of(ProviderChunk.text("one"), ProviderChunk.text("two"),
            ProviderChunk.finish("stop", TokenUsage.NONE));
    private static final RetryPolicy QUICK_RETRIES = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofMillis(5), 0, 0);
    private static final Function<LoopbackRequest, LoopbackResponse> ANSWERS = request -> LoopbackResponse.ok(
            "text/event-stream", EVENTS);

    private final RecordingListener listener = new RecordingListener();
    private final StreamRequest request = new StreamRequest("/stream", Map.of(), Map.of(),
            JsonMapper.shared().createObjectNode().put("prompt", "Hi"));
    private LoopbackHttpServer server;
    private StreamingHttpClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(ConnectionEnding.class)
    void aRequestOnAConnectionTheServerEndedIsSentAgainOnceOnANewConnection(ConnectionEnding ending) {
        start(ConnectionConduct.builder().maxRequestsPerConnection(1, false)
                .ending(ending, CloseTiming.AS_NEXT_REQUEST_ARRIVES).build(), ANSWERS, QUICK_RETRIES);

        answered();
        answered();

        assertThat(server.requestsDroppedOnReusedConnections()).isOne();
        assertThat(server.connectionsAccepted()).isEqualTo(2);
        assertThat(listener.heard()).as("a re-send, not a retry").containsExactly("resend");
    }

    @Test
    void theReSendIsNoRetryAndSpendsNoneOfTheBudget() {
        AtomicBoolean overloaded = new AtomicBoolean();
        RetryPolicy oneRetryOneToken = new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1),
                Duration.ofMillis(1), 0.001, 1);
        start(ConnectionConduct.builder().idleTimeout(Duration.ZERO)
                .ending(ConnectionEnding.RESET, CloseTiming.AS_NEXT_REQUEST_ARRIVES).build(),
                request -> request.bodyText().contains("busy") && overloaded.compareAndSet(false, true)
                        ? LoopbackResponse.of(503, "application/json", "{\"error\":{\"message\":\"busy\"}}")
                        : LoopbackResponse.ok("text/event-stream", EVENTS), oneRetryOneToken);

        for (int i = 0; i < 5; i++) {
            answered();
        }
        assertThat(server.requestsDroppedOnReusedConnections()).isEqualTo(2);
        assertThat(listener.heard()).containsExactly("resend", "resend");

        StepVerifier.create(client.streamSse(new StreamRequest("/stream", Map.of(), Map.of(),
                JsonMapper.shared().createObjectNode().put("prompt", "busy")), EchoDecoder::new))
                .expectNextSequence(ANSWER).verifyComplete();
        // its first attempt met the idle connection of the fifth call (a re-send), then a 503 (a retry)
        assertThat(listener.heard()).as("the budget's only token was still there").containsExactly("resend",
                "resend", "resend", "retry 1 after HTTP 503");
    }

    @Test
    void aRequestResetOnANewConnectionGoesThroughTheRetryPolicy() {
        start(ConnectionConduct.builder().drop(1, 1, ConnectionEnding.RESET).build(), ANSWERS, QUICK_RETRIES);

        StepVerifier.create(client.streamSse(request, EchoDecoder::new)).verifyErrorSatisfies(error -> assertThat(
                error).isInstanceOf(ProviderException.class).hasMessageStartingWith("Provider 'test' failed: could"
                        + " not send the request"));

        assertThat(listener.heard()).as("never re-sent").containsExactly("retry 1 after HTTP 0",
                "retry 2 after HTTP 0");
        assertThat(server.requestsDropped()).isEqualTo(3);
    }

    @Test
    void aSecondFailureOfTheSameCallTakesTheNormalPath() {
        // every connection's second request meets a closed connection; the second connection's first is reset
        start(ConnectionConduct.builder().maxRequestsPerConnection(1, false)
                .ending(ConnectionEnding.CLOSE, CloseTiming.AS_NEXT_REQUEST_ARRIVES)
                .drop(2, 1, ConnectionEnding.RESET).build(), ANSWERS, QUICK_RETRIES);

        answered();
        answered();

        assertThat(listener.heard()).containsExactly("resend", "retry 1 after HTTP 0");
        assertThat(server.requestsDropped()).isEqualTo(2);
        assertThat(server.requestsAnswered()).isEqualTo(2);
    }

    @Test
    void anAnswerThatBreaksOffAfterItsFirstEventIsNeverSentAgain() {
        start(ConnectionConduct.PATIENT, request -> request.indexOnConnection() == 1
                ? LoopbackResponse.ok("text/event-stream", EVENTS)
                : LoopbackResponse.ok("text/event-stream", EVENTS).cutAfter("data: one\n\n".length(),
                        ConnectionEnding.RESET), QUICK_RETRIES);
        answered();

        StepVerifier.create(client.streamSse(request, EchoDecoder::new))
                .expectNext(ProviderChunk.text("one"))
                .verifyErrorSatisfies(error -> assertThat(error).hasMessageStartingWith(
                        "Provider 'test' failed: the connection failed before the response was complete")
                        .cause().isInstanceOf(BrokenResponseException.class));

        assertThat(listener.heard()).as("neither re-sent nor retried after a chunk reached the caller").isEmpty();
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void anAnswerThatBreaksOffAfterItsHeadIsRetriedUnderThePolicyNotReSent() {
        start(ConnectionConduct.PATIENT, request -> request.indexOnConnection() == 2
                ? LoopbackResponse.ok("text/event-stream", EVENTS).cutAfter(0, ConnectionEnding.RESET)
                : LoopbackResponse.ok("text/event-stream", EVENTS), QUICK_RETRIES);
        answered();

        answered();

        assertThat(listener.heard()).containsExactly("retry 1 after HTTP 0");
    }

    @Test
    void prefersTheMostRecentlyUsedConnection() throws InterruptedException {
        CountDownLatch secondAnswered = new CountDownLatch(1);
        start(ConnectionConduct.PATIENT, request -> {
            if (request.connection() == 1 && request.indexOnConnection() == 1) {
                await(secondAnswered);
            }
            return LoopbackResponse.ok("text/event-stream", EVENTS);
        }, QUICK_RETRIES);
        CountDownLatch firstDone = new CountDownLatch(1);
        AtomicReference<EventExecutor> firstLoop = new AtomicReference<>();
        Disposable first = client.streamSse(request, EchoDecoder::new).doOnComplete(() -> {
            firstLoop.set(ThreadExecutorMap.currentExecutor());
            firstDone.countDown();
        }).subscribe();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.requests().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        answered();
        secondAnswered.countDown();
        assertThat(firstDone.await(10, TimeUnit.SECONDS)).isTrue();
        awaitTasksQueuedBefore(firstLoop.get());

        answered();

        // connection 1 was released last: the pool hands it out again, not the longer idle connection 2
        assertThat(server.requests()).extracting(LoopbackRequest::connection).containsExactly(1, 2, 1);
        first.dispose();
    }

    @Test
    void closesConnectionsIdleLongerThanItsMaxIdleTimeBeforeTheServerDoes() throws InterruptedException {
        server = LoopbackHttpServer.start(ConnectionConduct.builder().idleTimeout(Duration.ofMillis(300))
                .ending(ConnectionEnding.RESET, CloseTiming.AS_NEXT_REQUEST_ARRIVES).build(), ANSWERS);
        client = client(settings().maxIdleTime(Duration.ofMillis(50)).retry(RetryPolicy.DISABLED).build());
        answered();

        Thread.sleep(400); // longer than both idle times: the pool's closes the connection first
        answered();

        assertThat(server.connectionsAccepted()).as("a new connection for the second call").isEqualTo(2);
        assertThat(server.requestsDropped()).isZero();
        assertThat(listener.heard()).isEmpty();
    }

    @Test
    void retiresAConnectionAfterItsMaxLifeTimeThoughItIsBusy() {
        server = LoopbackHttpServer.start(ConnectionConduct.PATIENT, ANSWERS);
        client = client(settings().maxLifeTime(Duration.ofMillis(100)).build());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.connectionsAccepted() < 2 && System.nanoTime() < deadline) {
            answered();
        }

        assertThat(server.connectionsAccepted()).isGreaterThanOrEqualTo(2);
        assertThat(server.requestsDropped()).isZero();
        assertThat(listener.heard()).isEmpty();
    }

    /**
     * Makes a call that must be answered in full, and returns once its connection is back in the pool: the event
     * loop that completed the answer gives the connection back in the same task, so a task queued behind it runs
     * after that.
     */
    private void answered() {
        AtomicReference<EventExecutor> loop = new AtomicReference<>();
        StepVerifier.create(client.streamSse(request, EchoDecoder::new)
                        .doOnComplete(() -> loop.set(ThreadExecutorMap.currentExecutor())))
                .expectNextSequence(ANSWER).expectComplete().verify(Duration.ofSeconds(10));
        awaitTasksQueuedBefore(loop.get());
    }

    /** Waits until {@code loop} has run what it was doing, and what was queued, when this was called. */
    private static void awaitTasksQueuedBefore(EventExecutor loop) {
        CountDownLatch reached = new CountDownLatch(1);
        loop.execute(reached::countDown);
        await(reached);
    }

    private void start(ConnectionConduct conduct, Function<LoopbackRequest, LoopbackResponse> responder,
            RetryPolicy retry) {
        server = LoopbackHttpServer.start(conduct, responder);
        client = client(settings().retry(retry).build());
    }

    private HttpProviderSettings.Builder settings() {
        return HttpProviderSettings.builder().baseUrl(server.url("/v1"));
    }

    private StreamingHttpClient client(HttpProviderSettings settings) {
        return new StreamingHttpClient("test", settings, ErrorMessageExtractor.jsonPointer("/error/message"),
                listener);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
