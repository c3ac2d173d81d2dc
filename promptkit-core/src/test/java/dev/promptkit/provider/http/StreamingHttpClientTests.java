/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

class StreamingHttpClientTests {

    private static final String API_KEY = "sk-test-0123456789abcdef";
    private static final RetryPolicy QUICK_RETRIES = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofMillis(50), 0, 0);

    @RegisterExtension
    final FakeUpstream upstream = new FakeUpstream(getClass(), FakeUpstream.Framing.SSE);
    private final RecordingListener listener = new RecordingListener();
    private final StreamRequest request = new StreamRequest("/stream", Map.of("mode", "fast"),
            Map.of("Authorization", "Bearer " + API_KEY),
            JsonMapper.shared().createObjectNode().put("prompt", "Hi"));
    private StreamingHttpClient client;

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void postsTheJsonBodyWithAllHeadersAndStreamsTheDecodedEvents() throws InterruptedException {
        upstream.enqueue(upstream.stream("data: one\n\ndata: two\n\n"));
        client = client(settings().header("X-Extra", "yes").build());

        StepVerifier.create(client.streamSse(request, EchoDecoder::new))
                .expectNext(ProviderChunk.text("one"), ProviderChunk.text("two"), ProviderChunk.finish("stop", null))
                .verifyComplete();

        RecordedRequest recorded = upstream.takeRequest();
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getTarget()).isEqualTo("/v1/stream?mode=fast");
        assertThat(recorded.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(recorded.getHeaders().get("Accept")).isEqualTo("text/event-stream");
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(recorded.getHeaders().get("X-Extra")).isEqualTo("yes");
        assertThat(recorded.getBody().utf8()).isEqualTo("{\"prompt\":\"Hi\"}");
    }

    @Test
    void streamsNewlineDelimitedJson() throws InterruptedException {
        upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/x-ndjson")
                .body("{\"n\":1}\n{\"n\":2}\n").build());
        client = client(settings().build());

        StepVerifier.create(client.streamNdjson(request, EchoDecoder::new))
                .expectNext(ProviderChunk.text("{\"n\":1}"), ProviderChunk.text("{\"n\":2}"),
                        ProviderChunk.finish("stop", null))
                .verifyComplete();
        assertThat(upstream.takeRequest().getHeaders().get("Accept"))
                .isEqualTo("application/x-ndjson");
    }

    @Test
    void streamsTheRawBodyOfAJsonPostAndRetriesOnlyBeforeItsFirstBytes() throws InterruptedException {
        upstream.enqueue(new MockResponse.Builder().code(503).build(),
                new MockResponse.Builder().addHeader("Content-Type", "application/octet-stream")
                        .body(new Buffer().write(new byte[] {1, 2, 3, 4, 5})).build());
        client = client(settings().retry(QUICK_RETRIES).build());

        StepVerifier.create(client.streamBytes(request, MediaType.APPLICATION_OCTET_STREAM)
                        .map(bytes -> bytes.length).reduce(0, Integer::sum))
                .expectNext(5)
                .verifyComplete();

        upstream.takeRequest();
        RecordedRequest retried = upstream.takeRequest();
        assertThat(retried.getTarget()).isEqualTo("/v1/stream?mode=fast");
        assertThat(retried.getHeaders().get("Accept")).isEqualTo("application/octet-stream");
        assertThat(retried.getBody().utf8()).isEqualTo("{\"prompt\":\"Hi\"}");
        assertThat(listener.heard()).containsExactly("retry 1 after HTTP 503");
        assertThat(client.inFlight()).isZero();
    }

    @Test
    void postsAMultipartFormWithTheCallsHeaders() throws InterruptedException {
        upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body("{}").build());
        client = client(settings().header("X-Extra", "yes").build());
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("field", "value");

        StepVerifier.create(client.streamBytes("/upload", Map.of("Authorization", "Bearer " + API_KEY), form.build(),
                        MediaType.APPLICATION_JSON))
                .expectNextMatches(bytes -> new String(bytes).equals("{}"))
                .verifyComplete();

        RecordedRequest recorded = upstream.takeRequest();
        assertThat(recorded.getTarget()).isEqualTo("/v1/upload");
        assertThat(recorded.getHeaders().get("Content-Type")).startsWith("multipart/form-data;boundary=");
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(recorded.getHeaders().get("X-Extra")).isEqualTo("yes");
        assertThat(recorded.getBody().utf8()).contains("name=\"field\"", "value");
    }

    @Test
    void retriesAConnectionThatCannotBeOpenedThenSaysSo() throws IOException {
        client = client(settings().baseUrl("http://127.0.0.1:" + closedPort()).retry(QUICK_RETRIES).build());

        StepVerifier.create(client.streamSse(request, EchoDecoder::new))
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessageStartingWith("Provider 'test' failed: could not send the request")
                        .satisfies(e -> assertThat(((ProviderException) e).statusCode()).isZero()));
        assertThat(listener.heard()).containsExactly("retry 1 after HTTP 0", "retry 2 after HTTP 0");
    }

    @Test
    void honoursRetryAfterUpToItsCapAndSucceeds() {
        upstream.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
        upstream.enqueue(upstream.stream("data: ok\n\n"));
        client = client(settings().retry(QUICK_RETRIES).build());

        StepVerifier.create(client.streamSse(request, EchoDecoder::new))
                .expectNext(ProviderChunk.text("ok"))
                .expectNextMatches(ProviderChunk::isFinish)
                .verifyComplete();
        assertThat(listener.delays()).containsExactly(Duration.ofMillis(50));
    }

    @Test
    void waitsTheDelayTheErrorBodyAsksForUnlessRetryAfterSaysOtherwise() {
        ErrorMessageExtractor delayInBody = new ErrorMessageExtractor() {
            @Override
            public String extract(String body) {
                return null;
            }

            @Override
            public Duration retryDelay(String body) {
                return Duration.ofMillis(Long.parseLong(body.strip()));
            }
        };
        upstream.enqueue(new MockResponse.Builder().code(429).body("30").build());
        upstream.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after-ms", "20").body("40").build());
        upstream.enqueue(upstream.stream("data: ok\n\n"));
        client = new StreamingHttpClient("test", settings().retry(QUICK_RETRIES).build(), delayInBody, listener);

        StepVerifier.create(client.streamSse(request, EchoDecoder::new)).expectNextCount(2).verifyComplete();

        assertThat(listener.delays()).containsExactly(Duration.ofMillis(30), Duration.ofMillis(20));
    }

    @Test
    void saysTheApiKeyIsMissingWhenNoneIsConfigured() {
        upstream.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{\"message\":\"No key\"}}").build());
        client = client(settings().apiKey(null).build());

        StepVerifier.create(client.streamSse(request, EchoDecoder::new))
                .verifyErrorMessage("Provider 'test' failed (HTTP 401): no API key is configured: No key");
    }

    @Test
    void neverRepeatsTheApiKeyEvenWhenTheUpstreamEchoesIt() {
        upstream.enqueue(new MockResponse.Builder().code(403)
                .body("{\"error\":{\"message\":\"Key " + API_KEY + " is blocked\"}}").build());
        client = client(settings().build());

        StepVerifier.create(client.streamSse(request, EchoDecoder::new))
                .verifyErrorMessage("Provider 'test' failed (HTTP 403): the API key is not permitted to make this"
                        + " request: Key [redacted] is blocked");
    }

    @Test
    void fallsBackToTheBodyOrTheReasonPhraseWhenTheBodyHoldsNoMessage() {
        upstream.enqueue(new MockResponse.Builder().code(502).body("<html>\n  <h1>Bad gateway</h1>\n</html>").build());
        upstream.enqueue(new MockResponse.Builder().code(504).build());
        client = client(settings().retry(RetryPolicy.DISABLED).build());

        StepVerifier.create(client.streamSse(request, EchoDecoder::new))
                .verifyErrorMessage("Provider 'test' failed (HTTP 502): <html> <h1>Bad gateway</h1> </html>");
        StepVerifier.create(client.streamSse(request, EchoDecoder::new))
                .verifyErrorMessage("Provider 'test' failed (HTTP 504): Gateway Timeout");
    }

    @Test
    void failsALineLongerThanTheLimitWithoutRetrying() {
        upstream.enqueue(upstream.stream("data: " + "x".repeat(100) + "\n\n"));
        client = client(settings().maxLineBytes(64).retry(QUICK_RETRIES).build());

        StepVerifier.create(client.streamSse(request, EchoDecoder::new))
                .verifyErrorMessage("Provider 'test' failed: a line of the upstream stream is longer than the limit"
                        + " of 64 bytes");
        assertThat(upstream.requestCount()).isEqualTo(1);
    }

    @Test
    void givesTheSlotBackWhenTheBodyEndsFailsOrIsCancelled() {
        client = client(settings().retry(RetryPolicy.DISABLED)
                .concurrency(ConcurrencyPolicy.limit(1, 0, Duration.ZERO)).build());

        upstream.enqueue(upstream.stream("data: done\n\n"));
        StepVerifier.create(client.streamSse(request, EchoDecoder::new)).expectNextCount(2).verifyComplete();
        assertThat(client.inFlight()).isZero();

        upstream.enqueue(new MockResponse.Builder().code(500).build());
        StepVerifier.create(client.streamSse(request, EchoDecoder::new)).verifyError(ProviderException.class);
        assertThat(client.inFlight()).isZero();

        upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body("data: first\n\n" + ": keep-alive padding\n".repeat(20))
                .onResponseBody(SocketEffect.Stall.INSTANCE)
                .build());
        StepVerifier.create(client.streamSse(request, EchoDecoder::new))
                .expectNext(ProviderChunk.text("first"))
                .then(() -> assertThat(client.inFlight()).isOne())
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        assertThat(client.inFlight()).isZero();
    }

    @Test
    void startsFromTheCallersWebClientBuilderWithoutChangingIt() throws InterruptedException {
        upstream.enqueue(upstream.stream("data: one\n\n"));
        upstream.enqueue(upstream.stream("data: two\n\n"));
        WebClient.Builder boots = WebClient.builder().defaultHeader("X-Client", "boot");
        client = new StreamingHttpClient("test", settings().build(), ErrorMessageExtractor.jsonPointer("/error"),
                listener, boots);

        StepVerifier.create(client.streamSse(request, EchoDecoder::new)).expectNextCount(2).verifyComplete();
        boots.build().post().uri(upstream.url("/other")).retrieve().toBodilessEntity().block();

        assertThat(upstream.takeRequest().getHeaders().get("X-Client")).isEqualTo("boot");
        assertThat(upstream.takeRequest().getHeaders().get("X-Client")).isEqualTo("boot");
    }

    @Test
    void boundsItsConnectionsAndTheRequestsWaitingForOne() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                    .body("data: first\n\n" + ": padding\n".repeat(20)).onResponseBody(SocketEffect.Stall.INSTANCE)
                    .build());
        }
        client = client(settings().retry(RetryPolicy.DISABLED).maxConnections(1).build());
        CountDownLatch first = new CountDownLatch(1);
        Disposable holding = client.streamSse(request, EchoDecoder::new).subscribe(chunk -> first.countDown());
        assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
        Disposable waiting = Flux.merge(client.streamSse(request, EchoDecoder::new),
                client.streamSse(request, EchoDecoder::new)).subscribe();

        StepVerifier.create(client.streamSse(request, EchoDecoder::new))
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessageStartingWith("Provider 'test' failed: could not send the request: ")
                        .hasMessageContaining("maximum size of 2"));
        assertThat(upstream.requestCount()).isEqualTo(1);
        holding.dispose();
        waiting.dispose();
    }

    /**
     * An upstream that resets its connection (TCP RST) after the first event: the call fails after that event,
     * is not retried, and its failure never reads as the caller's client having gone away to Spring's
     * {@link DisconnectedClientHelper}, though its root cause says "Connection reset by peer" (see
     * {@link FailureTranslatorTests}).
     */
    @Test
    void aConnectionResetMidStreamFailsAsTheUpstreamsFailure() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread upstreamThread = new Thread(() -> resetAfterFirstEvent(server), "resetting-upstream");
            upstreamThread.setDaemon(true);
            upstreamThread.start();
            client = new StreamingHttpClient("test", HttpProviderSettings.builder()
                    .baseUrl("http://127.0.0.1:" + server.getLocalPort() + "/v1").apiKey(API_KEY)
                    .retry(QUICK_RETRIES).build(), ErrorMessageExtractor.jsonPointer("/error/message"), listener);

            StepVerifier.create(client.streamSse(request, EchoDecoder::new))
                    .expectNext(ProviderChunk.text("first"))
                    .expectErrorSatisfies(error -> {
                        Throwable root = NestedExceptionUtils.getMostSpecificCause(error);
                        assertThat(error).isInstanceOf(ProviderException.class)
                                .hasMessageStartingWith("Provider 'test' failed: the connection failed before the "
                                        + "response was complete: ");
                        assertThat(root).isInstanceOf(IOException.class);
                        // on Linux's native transport the reset reads "Connection reset by peer", which alone Spring
                        // takes for its own client having gone away
                        assertThat(DisconnectedClientHelper.isClientDisconnectedException(error))
                                .as("Spring's reading of %s", root).isFalse();
                    })
                    .verify(Duration.ofSeconds(10));
            upstreamThread.join(5_000);
        }
        assertThat(listener.heard()).as("not retried after a chunk reached the caller").isEmpty();
    }

    /** Answers one request with the headers and one SSE event, chunked, then resets the connection. */
    private static void resetAfterFirstEvent(ServerSocket server) {
        try (Socket socket = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                // request line and headers; the body is left unread
            }
            OutputStream out = socket.getOutputStream();
            String event = "data: first\n\n";
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(event.length()) + "\r\n" + event + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);
            socket.setSoLinger(true, 0); // close with a RST, not a FIN
        }
        catch (IOException e) {
            // the client went first: the test fails on what it saw
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void failsCallsAtOnceWhenClosed() {
        client = client(settings().build());

        client.close();

        StepVerifier.create(client.streamSse(request, EchoDecoder::new))
                .verifyErrorMessage("Provider 'test' failed: the provider is closed");
        assertThat(upstream.requestCount()).isZero();
        assertThat(listener.heard()).isEmpty();
    }

    private StreamingHttpClient client(HttpProviderSettings settings) {
        return new StreamingHttpClient("test", settings, ErrorMessageExtractor.jsonPointer("/error/message"), listener);
    }

    private HttpProviderSettings.Builder settings() {
        return HttpProviderSettings.builder().baseUrl(upstream.url("/v1")).apiKey(API_KEY);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
