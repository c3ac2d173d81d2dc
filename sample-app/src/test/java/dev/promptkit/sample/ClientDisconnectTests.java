/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.ForwardingProvider;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderRegistry;
import dev.promptkit.provider.http.HttpProvider;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A browser that leaves a streamed answer: the client reads the first server-sent event of
 * {@code GET /api/conversations/{id}/stream} and closes its connection; the app cancels the turn, which
 * cancels the request to the (slow) OpenAI upstream long before it has sent its answer, stores no turn and
 * gives the provider's slot back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "promptkit.providers.upstream.type=openai", "promptkit.providers.upstream.api-key=sk-test-disconnect",
        "promptkit.default-provider=upstream" })
@AutoConfigureWebTestClient(timeout = "PT30S")
class ClientDisconnectTests {

    private static final int EVENTS = 50;
    private static final MockWebServer upstream = new MockWebServer();
    private static final SlowAnswer answer = new SlowAnswer(EVENTS, Duration.ofMillis(200));

    @Autowired
    private WebTestClient client;

    @Autowired
    private ProviderRegistry providers;

    @Autowired
    private MeterRegistry meters;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void upstreamUrl(DynamicPropertyRegistry registry) throws IOException {
        upstream.start();
        registry.add("promptkit.providers.upstream.base-url", () -> upstream.url("/v1").toString());
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @Test
    void closingTheEventStreamCancelsTheUpstreamRequestAndStoresNoTurn() throws Exception {
        upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(answer)
                .removeHeader("Content-Length").addHeader("Transfer-Encoding", "chunked").build());
        String id = client.post().uri("/api/conversations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, String>>() { }).returnResult()
                .getResponseBody().get("id");
        assertThat(history(id)).isEmpty();
        long started = System.nanoTime();

        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/conversations/" + id + "/stream?text=tell%20me%20a%20story HTTP/1.1\r\n"
                    + "Host: localhost\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 200");
            // the body is chunked, and an event's "data:" may come in one chunk and its JSON in the next
            String line;
            do {
                line = in.readLine();
            }
            while (line != null && !line.contains("word"));
            // the card-number redaction holds back a trailing run of digits until the next delta: "word", then "00 word01"
            assertThat(line).as("the first text event").contains("\"text\":\"word");
            assertThat(upstream.getRequestCount()).isOne();
            assertThat(activeStreams()).as("the provider stream in flight").isOne();
            assertThat(inFlight()).isOne();
        }

        assertThat(answer.cancelled.await(5, TimeUnit.SECONDS)).as("the upstream saw its connection closed").isTrue();
        assertThat(answer.written.get()).as("events the upstream wrote before it saw the connection closed")
                .isLessThan(EVENTS / 2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        await(() -> activeStreams() == 0 && inFlight() == 0);
        assertThat(activeStreams()).isZero();
        assertThat(inFlight()).isZero();
        assertThat(history(id)).as("no turn stored").isEmpty();
        assertThat(upstream.getRequestCount()).as("the cancelled request is not retried").isOne();
    }

    private List<Object> history(String id) {
        return client.get().uri("/api/conversations/{id}/messages", id).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Object>>() { }).returnResult().getResponseBody();
    }

    private double activeStreams() {
        Gauge gauge = meters.find("promptkit.streams.active").tag("provider", "upstream").gauge();
        return gauge == null ? 0 : gauge.value();
    }

    /** The calls holding a slot of the OpenAI provider, under the decorations the starter adds. */
    private int inFlight() {
        Provider provider = providers.get("upstream");
        while (provider instanceof ForwardingProvider) {
            provider = (Provider) ReflectionTestUtils.getField(provider, ForwardingProvider.class, "delegate");
        }
        return ((HttpProvider) provider).inFlight();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /**
     * A Chat Completions stream of {@code events} one-word deltas, one every {@code pause}, then the finish and
     * {@code [DONE]}, chunked; counts the events written and notes when the client's connection is found closed.
     */
    static final class SlowAnswer implements MockResponseBody {

        private final int events;
        private final Duration pause;
        final AtomicInteger written = new AtomicInteger();
        final CountDownLatch cancelled = new CountDownLatch(1);

        SlowAnswer(int events, Duration pause) {
            this.events = events;
            this.pause = pause;
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            try {
                write(sink, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
                        + "\"finish_reason\":null}]}");
                for (int i = 0; i < events; i++) {
                    write(sink, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\","
                            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"word%02d \"},\"finish_reason\":null}]}"
                                    .formatted(i));
                    written.incrementAndGet();
                    Thread.sleep(pause.toMillis());
                }
                write(sink, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\","
                        + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":50,\"total_tokens\":69}}");
                chunk(sink, "data: [DONE]\n\n");
                sink.writeUtf8("0\r\n\r\n").flush();
            }
            catch (IOException closed) {
                cancelled.countDown();
                throw closed;
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException(interrupted);
            }
        }

        private static void write(BufferedSink sink, String json) throws IOException {
            chunk(sink, "data: " + json + "\n\n");
        }

        /** One chunk of a chunked body, flushed: the framing is ours, as the length is unknown. */
        private static void chunk(BufferedSink sink, String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            sink.writeUtf8(Integer.toHexString(bytes.length)).writeUtf8("\r\n").write(bytes).writeUtf8("\r\n").flush();
        }
    }
}
