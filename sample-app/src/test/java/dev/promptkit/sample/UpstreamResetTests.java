/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The OpenAI upstream resets its connection (TCP RST) after the first words of a streamed answer: the browser's
 * {@code GET /api/conversations/{id}/stream} must not end as if the answer were whole: it ends with an {@code error}
 * event saying the provider broke off its answer, and no turn is stored. Spring WebFlux took the provider's failure,
 * whose root cause reads "Connection reset by peer", for its own client having gone away, and ended the event stream
 * cleanly after half an answer (found by the soak test, {@code benchmarks/soak.sh}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "promptkit.providers.upstream.type=openai", "promptkit.providers.upstream.api-key=sk-test-reset",
        "promptkit.default-provider=upstream" })
@AutoConfigureWebTestClient(timeout = "PT30S")
class UpstreamResetTests {

    private static final ServerSocket upstream = openUpstream();
    private static final AtomicInteger upstreamRequests = new AtomicInteger();

    @Autowired
    private WebTestClient client;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void upstreamUrl(DynamicPropertyRegistry registry) {
        registry.add("promptkit.providers.upstream.base-url", () -> "http://127.0.0.1:" + upstream.getLocalPort() + "/v1");
    }

    @AfterAll
    static void stopUpstream() throws IOException {
        upstream.close();
    }

    @Test
    void aResetUpstreamEndsTheEventStreamWithAnErrorEventAndStoresNoTurn() throws Exception {
        String id = client.post().uri("/api/conversations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, String>>() { }).returnResult()
                .getResponseBody().get("id");
        Thread answering = new Thread(UpstreamResetTests::answerThenReset, "resetting-upstream");
        answering.setDaemon(true);
        answering.start();

        String body;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/conversations/" + id + "/stream?text=where%20is%20my%20order HTTP/1.1\r\n"
                    + "Host: localhost\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (true) {
                int read;
                try {
                    read = in.read(buffer);
                }
                catch (SocketTimeoutException | SocketException stillOpenOrBroken) {
                    break;
                }
                if (read < 0) {
                    break;
                }
                received.write(buffer, 0, read);
                if (received.toString(StandardCharsets.UTF_8).endsWith("\r\n0\r\n\r\n")) {
                    break; // the last chunk
                }
            }
            body = received.toString(StandardCharsets.UTF_8);
        }
        answering.join(5_000);

        assertThat(body).startsWith("HTTP/1.1 200").contains("\"text\":\"Your order \"");
        assertThat(body).as("the event stream").doesNotContain("event:done").contains("event:error",
                "\"cause\":\"interrupted\"", "the connection failed before the response was complete")
                .endsWith("\r\n0\r\n\r\n");
        assertThat(upstreamRequests).as("not retried once words reached the browser").hasValue(1);
        assertThat(client.get().uri("/api/conversations/{id}/messages", id).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Object>>() { }).returnResult().getResponseBody())
                .as("no turn stored").isEmpty();
    }

    /** Answers one Chat Completions request with the first words of a streamed answer, then resets the connection. */
    private static void answerThenReset() {
        try (Socket socket = upstream.accept()) {
            upstreamRequests.incrementAndGet();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                // request line and headers; the body is left unread
            }
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            chunk(out, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\","
                    + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Your order \"},"
                    + "\"finish_reason\":null}]}");
            chunk(out, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\","
                    + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"is on \"},\"finish_reason\":null}]}");
            Thread.sleep(300);
            socket.setSoLinger(true, 0); // close with a RST, not a FIN
        }
        catch (IOException e) {
            // the test fails on what the browser saw
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void chunk(OutputStream out, String json) throws IOException {
        byte[] event = ("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(event.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(event);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static ServerSocket openUpstream() {
        try {
            return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
