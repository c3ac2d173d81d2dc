/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.AnswerLimits;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.RetryPolicy;
import dev.promptkit.types.Message;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * An upstream that answers far more than any model would: a 10 MB streamed text, and tool-call arguments that never
 * end. The answer limits stop the call with {@link ProviderException.Kind#ANSWER_TOO_LARGE} once they are passed,
 * and the connection is let go: the upstream's further writes fail.
 */
class LargeAnswerTests {

    private static final ProviderRequest HELLO = ProviderRequest.of(null, null, List.of(Message.user("Hi")));
    private static final int EVENT_CHARS = 1000;
    private static final int TEN_MEGABYTES = 10 * 1024 * 1024;

    @Test
    void aTenMegabyteAnswerFailsAtTheDefaultLimitAndItsConnectionIsClosed() throws Exception {
        String text = "x".repeat(EVENT_CHARS);
        try (Upstream upstream = new Upstream(TEN_MEGABYTES / EVENT_CHARS, n -> "{\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"" + text + "\"},\"finish_reason\":null}]}");
                OpenAiProvider provider = upstream.provider(AnswerLimits.DEFAULT)) {
            AtomicLong received = new AtomicLong();

            StepVerifier.create(provider.stream(HELLO).doOnNext(chunk -> received.addAndGet(chunk.delta().length())))
                    .thenConsumeWhile(ProviderChunk::isText)
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                            .hasMessage("Provider 'openai' failed: the answer is too large: it is longer than the limit"
                                    + " of 1000000 characters")
                            .extracting(failure -> ((ProviderException) failure).kind())
                            .isEqualTo(ProviderException.Kind.ANSWER_TOO_LARGE))
                    .verify(Duration.ofSeconds(30));

            assertThat(received).hasValue(AnswerLimits.DEFAULT_MAX_CHARS);
            assertThat(upstream.cutOff.get(30, TimeUnit.SECONDS)).as("the upstream's writes failed").isTrue();
            assertThat(upstream.written).as("bytes the upstream could write").hasValueLessThan(TEN_MEGABYTES);
            assertThat(provider.inFlight()).isZero();
        }
    }

    @Test
    void toolCallArgumentsThatNeverEndFailBeforeTheCallIsComplete() throws Exception {
        String fragment = "\\\"0123456789\\\"";
        try (Upstream upstream = new Upstream(100_000, n -> "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":"
                + "[{\"index\":0" + (n == 0 ? ",\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":"
                        + "\"lookup\",\"arguments\":\"" : ",\"function\":{\"arguments\":\"") + fragment
                + "\"}}]},\"finish_reason\":null}]}");
                OpenAiProvider provider = upstream.provider(new AnswerLimits(5_000, 100_000))) {

            StepVerifier.create(provider.stream(HELLO))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                            .hasMessage("Provider 'openai' failed: the answer is too large: its tool-call arguments are"
                                    + " longer than the limit of 5000 characters"))
                    .verify(Duration.ofSeconds(30));
            assertThat(upstream.cutOff.get(30, TimeUnit.SECONDS)).as("the upstream's writes failed").isTrue();
        }
    }

    /** A Chat Completions upstream on loopback that streams {@code events} events, then {@code [DONE]}. */
    private static final class Upstream implements AutoCloseable {

        final AtomicLong written = new AtomicLong();
        final CompletableFuture<Boolean> cutOff = new CompletableFuture<>();
        private final ServerSocket server;

        Upstream(int events, IntFunction<String> event) throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            Thread thread = new Thread(() -> answer(events, event), "large-answer-upstream");
            thread.setDaemon(true);
            thread.start();
        }

        OpenAiProvider provider(AnswerLimits limits) {
            return OpenAiProvider.builder().answerLimits(limits).settings(HttpProviderSettings.builder()
                    .baseUrl("http://127.0.0.1:" + server.getLocalPort() + "/v1").apiKey("sk-test-large")
                    .retry(RetryPolicy.DISABLED).build()).build();
        }

        private void answer(int events, IntFunction<String> event) {
            try (Socket socket = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    // request line and headers; the body is left unread
                }
                OutputStream out = socket.getOutputStream();
                write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n");
                for (int n = 0; n < events; n++) {
                    write(out, "data: " + event.apply(n) + "\n\n");
                }
                write(out, "data: [DONE]\n\n");
                cutOff.complete(false);
            }
            catch (IOException closedByTheClient) {
                cutOff.complete(true);
            }
        }

        private void write(OutputStream out, String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write(bytes);
            written.addAndGet(bytes.length);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
