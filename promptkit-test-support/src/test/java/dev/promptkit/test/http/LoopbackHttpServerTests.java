/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the fake server does to connections, seen from a raw socket. */
class LoopbackHttpServerTests {

    private static final String REQUEST = "POST /v1/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
            + "\r\nContent-Length: 7\r\n\r\n{\"a\":1}";

    private LoopbackHttpServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersRequestsOnOneKeptAliveConnectionFromItsResponder() throws IOException {
        start(ConnectionConduct.PATIENT);
        try (Socket client = connect()) {
            for (int i = 1; i <= 3; i++) {
                send(client, REQUEST);
                assertThat(response(client)).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 16\r\n")
                        .doesNotContain("Connection: close").endsWith("\r\n\r\nreply to {\"a\":1}");
            }
        }
        assertThat(server.requests()).extracting(LoopbackRequest::indexOnConnection).containsExactly(1, 2, 3);
        assertThat(server.requests()).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.target()).isEqualTo("/v1/chat");
            assertThat(request.header("content-type")).isEqualTo("application/json");
        });
        assertThat(server.requestsAnswered()).isEqualTo(3);
    }

    @Test
    void readsAChunkedBody() throws IOException {
        start(ConnectionConduct.PATIENT);
        try (Socket client = connect()) {
            send(client, "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{\"a\r\n4;ext=1\r\n\":1}\r\n0\r\n\r\n");
            assertThat(response(client)).endsWith("reply to {\"a\":1}");
        }
    }

    @Test
    void saysConnectionCloseOnTheLastAllowedRequestThenCloses() throws IOException {
        start(ConnectionConduct.builder().maxRequestsPerConnection(2, true).build());
        try (Socket client = connect()) {
            send(client, REQUEST);
            assertThat(response(client)).doesNotContain("Connection: close");
            send(client, REQUEST);
            assertThat(response(client)).contains("Connection: close\r\n");
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void closesSilentlyAfterTheLastAllowedRequest() throws IOException {
        start(ConnectionConduct.builder().maxRequestsPerConnection(1, false).build());
        try (Socket client = connect()) {
            send(client, REQUEST);
            assertThat(response(client)).doesNotContain("Connection: close");
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aCloseTimedAsTheNextRequestArrivesReadsThatRequestAndAnswersNothing() throws IOException {
        start(ConnectionConduct.builder().maxRequestsPerConnection(1, false)
                .ending(ConnectionEnding.CLOSE, CloseTiming.AS_NEXT_REQUEST_ARRIVES).build());
        try (Socket client = connect()) {
            send(client, REQUEST);
            response(client);
            send(client, REQUEST);
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requestsDroppedOnReusedConnections()).isOne();
    }

    @Test
    void resetsTheChosenRequestOfEveryNthConnection() throws IOException {
        start(ConnectionConduct.builder().drop(2, 1, ConnectionEnding.RESET).build());
        try (Socket first = connect(); Socket second = connect()) {
            send(first, REQUEST);
            assertThat(response(first)).startsWith("HTTP/1.1 200");
            send(second, REQUEST);
            assertThatThrownBy(() -> second.getInputStream().read()).isInstanceOf(SocketException.class)
                    .hasMessageContaining("reset");
        }
        assertThat(server.requestsDropped()).isOne();
        assertThat(server.requestsDroppedOnReusedConnections()).isZero();
    }

    @Test
    void aHalfCloseEndsTheAnswerButKeepsReading() throws IOException {
        start(ConnectionConduct.builder().drop(1, 2, ConnectionEnding.HALF_CLOSE).build());
        try (Socket client = connect()) {
            send(client, REQUEST);
            response(client);
            send(client, REQUEST);
            assertThat(client.getInputStream().read()).isEqualTo(-1);
            send(client, "more bytes the server still reads");
        }
        assertThat(server.requestsDroppedOnReusedConnections()).isOne();
    }

    @Test
    void closesTheLongestIdleConnectionsBeyondItsCap() throws IOException {
        start(ConnectionConduct.builder().maxIdleConnections(1).build());
        try (Socket oldest = connect(); Socket middle = connect(); Socket newest = connect()) {
            for (Socket client : new Socket[] {oldest, middle, newest}) {
                send(client, REQUEST);
                response(client);
            }
            assertThat(oldest.getInputStream().read()).isEqualTo(-1);
            assertThat(middle.getInputStream().read()).isEqualTo(-1);
            send(newest, REQUEST);
            assertThat(response(newest)).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void closesConnectionsIdleLongerThanItsTimeout() throws IOException {
        start(ConnectionConduct.builder().idleTimeout(Duration.ofMillis(20)).build());
        try (Socket client = connect()) {
            send(client, REQUEST);
            response(client);
            assertThat(client.getInputStream().read()).as("closed by the server while idle").isEqualTo(-1);
        }
    }

    @Test
    void breaksAnAnswerOffAfterTheBytesItIsTold() throws IOException {
        server = LoopbackHttpServer.start(ConnectionConduct.PATIENT, request -> LoopbackResponse.ok("text/plain",
                "0123456789").cutAfter(4, ConnectionEnding.CLOSE));
        try (Socket client = connect()) {
            send(client, REQUEST);
            String partial = new String(client.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(partial).contains("Content-Length: 10").endsWith("\r\n\r\n0123");
        }
        assertThat(server.requestsAnswered()).isZero();
    }

    private void start(ConnectionConduct conduct) {
        server = LoopbackHttpServer.start(conduct, request -> LoopbackResponse.ok("text/plain",
                "reply to " + request.bodyText()));
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** One whole response (head and Content-Length body) as text. */
    private static String response(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection ended inside a response head");
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int start = text.indexOf("Content-Length: ") + "Content-Length: ".length();
        int length = Integer.parseInt(text.substring(start, text.indexOf("\r\n", start)));
        return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }
}
