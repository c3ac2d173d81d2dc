/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import static dev.promptkit.tool.mcp.ToolCalls.execute;
import static dev.promptkit.tool.mcp.ToolCalls.tool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.test.EverythingServerProcess;
import dev.promptkit.test.http.ConnectionConduct;
import dev.promptkit.test.http.LoopbackHttpServer;
import dev.promptkit.test.http.LoopbackRequest;
import dev.promptkit.test.http.LoopbackResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MCP SDK's streamable-HTTP transport (on the JDK's HttpClient) against the real {@code server-everything}
 * behind a front that ends kept-alive connections as real servers and proxies do: tools are still listed and
 * called. The front forwards each POST and DELETE to the real server and answers the optional GET stream with
 * 405, as the protocol allows.
 */
class McpConnectionChurnTests {

    private static EverythingServerProcess everything;
    private LoopbackHttpServer front;

    @BeforeEach
    void requireServer() throws Exception {
        EverythingServer.binary();
        if (everything == null) {
            everything = EverythingServerProcess.startStreamableHttp();
        }
    }

    @AfterEach
    void stopFront() {
        if (front != null) {
            front.close();
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (everything != null) {
            everything.close();
        }
    }

    @Test
    void callsSurviveAFrontThatClosesIdleConnections() throws InterruptedException {
        front = LoopbackHttpServer.start(ConnectionConduct.builder().idleTimeout(Duration.ofMillis(50)).build(),
                new Forwarding(everything.url()));
        try (McpServer remote = new McpServer(McpServerConfig.of("front",
                McpTransportConfig.streamableHttp(front.url("/mcp"))))) {
            McpTool echo = tool(remote.tools().block(ToolCalls.WAIT), "mcp__front__echo");
            for (int i = 0; i < 3; i++) {
                Thread.sleep(300); // well past the front's idle timeout: it has closed the connections
                assertThat(execute(echo, Map.of("message", "call " + i))).isEqualTo("Echo: call " + i);
            }
        }
        assertThat(front.connectionsAccepted()).isGreaterThanOrEqualTo(3);
        assertThat(front.requestsDropped()).isZero();
    }

    @Test
    void callsSurviveAFrontThatServesTwoRequestsPerConnectionAndSaysSo() {
        front = LoopbackHttpServer.start(ConnectionConduct.builder().maxRequestsPerConnection(2, true).build(),
                new Forwarding(everything.url()));
        try (McpServer remote = new McpServer(McpServerConfig.of("front",
                McpTransportConfig.streamableHttp(front.url("/mcp"))))) {
            McpTool sum = tool(remote.tools().block(ToolCalls.WAIT), "mcp__front__get-sum");
            for (int i = 0; i < 5; i++) {
                assertThat(execute(sum, Map.of("a", i, "b", 1))).isEqualTo("The sum of " + i + " and 1 is "
                        + (i + 1) + ".");
            }
        }
        assertThat(front.connectionsAccepted()).isGreaterThanOrEqualTo(4);
        assertThat(front.requestsDropped()).isZero();
    }

    /** Forwards a request to the real server and returns its whole answer. */
    private static final class Forwarding implements Function<LoopbackRequest, LoopbackResponse> {

        private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "upgrade",
                "http2-settings", "transfer-encoding");

        private final String target;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Forwarding(String target) {
            this.target = target;
        }

        @Override
        public LoopbackResponse apply(LoopbackRequest request) {
            if (request.method().equals("GET")) {
                return LoopbackResponse.of(405, "text/plain", "no stream at GET");
            }
            HttpRequest.Builder forwarded = HttpRequest.newBuilder(URI.create(target))
                    .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach((name, value) -> {
                if (!NOT_FORWARDED.contains(name)) {
                    forwarded.header(name, value);
                }
            });
            try {
                HttpResponse<byte[]> answer = client.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
                Map<String, String> headers = new LinkedHashMap<>();
                answer.headers().firstValue("content-type").ifPresent(value -> headers.put("Content-Type", value));
                answer.headers().firstValue("mcp-session-id").ifPresent(value -> headers.put("Mcp-Session-Id", value));
                return new LoopbackResponse(answer.statusCode(), headers, answer.body(), -1, null);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
