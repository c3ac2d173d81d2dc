/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import static dev.promptkit.tool.mcp.ToolCalls.execute;
import static dev.promptkit.tool.mcp.ToolCalls.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.promptkit.test.ExceptionChain;
import dev.promptkit.test.TraceLogCapture;
import dev.promptkit.tool.ToolException;
import dev.promptkit.tool.mcp.MisbehavingSseServer.Conduct;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The legacy HTTP+SSE transport against a loopback server that misbehaves: every failure is reported at once (well
 * within the request timeout of 30 s), names the server and its URL, never shows a credential (with every logger at
 * TRACE), and a server that failed connects again on use after its backoff.
 */
class McpServerSseFailureTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final String TOKEN = "sse-tok-7f3a9b1c2d4e5f60";

    @RegisterExtension
    final TraceLogCapture logs = new TraceLogCapture();

    @Test
    void aStreamThatEndsMidCallFailsTheCallAtOnceAndTheServerReconnectsOnUseAfterTheBackoff() throws Exception {
        try (MisbehavingSseServer fake = MisbehavingSseServer.start(Conduct.WELL);
                McpServer server = new McpServer(config(fake)
                        .withRetryBackoff(new McpRetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(1))))) {
            McpTool echo = tool(server.tools().block(WAIT), "mcp__fake__echo");

            assertThatThrownBy(() -> execute(echo, Map.of("message", "close")))
                    .isInstanceOf(ToolException.class)
                    .hasMessage("Tool 'mcp__fake__echo': MCP server 'fake' (URL " + fake.url()
                            + ") closed its event stream");
            assertThat(server.status()).isEqualTo(McpServerStatus.DOWN);
            assertThat(server.lastError())
                    .hasValue("MCP server 'fake' (URL " + fake.url() + ") closed its event stream");

            Thread.sleep(300);
            assertThat(execute(echo, Map.of("message", "again"))).isEqualTo("Echo: again");
            assertThat(server.status()).isEqualTo(McpServerStatus.UP);
        }
    }

    @Test
    void sendsTheHeadersWithTheStreamAndEveryMessageAndCloseEndsTheStream() throws Exception {
        try (MisbehavingSseServer fake = MisbehavingSseServer.start(Conduct.WELL)) {
            McpServer server = new McpServer(config(fake));
            assertThat(execute(tool(server.tools().block(WAIT), "mcp__fake__echo"), Map.of("message", "hi")))
                    .isEqualTo("Echo: hi");
            assertThat(fake.openStreams()).isEqualTo(1);

            server.close();

            await(() -> fake.openStreams() == 0);
            assertThat(fake.methods()).containsExactly("initialize", "notifications/initialized", "tools/list",
                    "tools/call");
            assertThat(fake.authorizations()).hasSize(5).containsOnly("Bearer " + TOKEN);
        }
    }

    @Test
    void aRefusedStreamIsDownWithTheStatusAndTheBodyRedacted() {
        try (MisbehavingSseServer fake = MisbehavingSseServer.start(Conduct.REFUSES_STREAM);
                McpServer server = new McpServer(config(fake))) {
            Throwable failure = catchThrowable(() -> server.tools().block(WAIT));

            assertThat(failure).isInstanceOf(McpServerException.class).hasMessage("MCP server 'fake' (URL " + fake.url()
                    + ") answered the event stream request with HTTP 401: invalid token in Bearer [redacted]");
            assertThat(server.status()).isEqualTo(McpServerStatus.DOWN);
            assertNoCredential(ExceptionChain.text(failure) + server.lastError().orElseThrow());
        }
    }

    @Test
    void aServerThatNeverNamesItsEndpointIsDownWithinHalfTheInitTimeout() {
        try (MisbehavingSseServer fake = MisbehavingSseServer.start(Conduct.NO_ENDPOINT);
                McpServer server = new McpServer(config(fake).withInitTimeout(Duration.ofSeconds(1)))) {
            assertThatThrownBy(() -> server.tools().block(WAIT)).isInstanceOf(McpServerException.class)
                    .hasMessage("MCP server 'fake' (URL " + fake.url() + ") sent no endpoint event within 500 ms");
            assertThat(server.status()).isEqualTo(McpServerStatus.DOWN);
        }
    }

    @Test
    void aServerThatNeverAnswersTheStreamRequestIsDownWithinHalfTheInitTimeout() {
        try (MisbehavingSseServer fake = MisbehavingSseServer.start(Conduct.STALLS);
                McpServer server = new McpServer(config(fake).withInitTimeout(Duration.ofSeconds(1)))) {
            assertThatThrownBy(() -> server.tools().block(WAIT)).isInstanceOf(McpServerException.class)
                    .hasMessage("MCP server 'fake' (URL " + fake.url()
                            + ") did not answer the event stream request within 500 ms");
        }
    }

    @Test
    void aPageThatIsNotAnEventStreamIsDownNamingItsType() {
        try (MisbehavingSseServer fake = MisbehavingSseServer.start(Conduct.NOT_AN_EVENT_STREAM);
                McpServer server = new McpServer(config(fake))) {
            assertThatThrownBy(() -> server.tools().block(WAIT)).isInstanceOf(McpServerException.class)
                    .hasMessage("MCP server 'fake' (URL " + fake.url() + ") answered the event stream request with "
                            + "Content-Type text/html, not text/event-stream: <html>login</html>");
        }
    }

    @Test
    void anEndpointOnAnotherOriginIsRefusedAndNothingIsSentThere() {
        try (MisbehavingSseServer fake = MisbehavingSseServer.start(Conduct.ENDPOINT_ELSEWHERE);
                McpServer server = new McpServer(config(fake))) {
            assertThatThrownBy(() -> server.tools().block(WAIT)).isInstanceOf(McpServerException.class)
                    .hasMessage("MCP server 'fake' (URL " + fake.url() + ") named a message endpoint on another origin "
                            + "(URL http://elsewhere.invalid/message), where its headers are not sent");
            assertThat(fake.methods()).isEmpty();
        }
    }

    @Test
    void anUnreachableUrlIsDownNamingTheUrlAndTheReason() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/sse";
        try (McpServer server = new McpServer(McpServerConfig.of("gone", McpTransportConfig.sse(url)))) {
            assertThatThrownBy(() -> server.tools().block(WAIT)).isInstanceOf(McpServerException.class)
                    .hasMessageStartingWith("MCP server 'gone' (URL " + url + ") could not open its event stream: ")
                    .hasMessageContaining("Connection refused");
        }
    }

    @Test
    void aCallWithNoAnswerTimesOutAloneAndTheServerStaysUp() {
        try (MisbehavingSseServer fake = MisbehavingSseServer.start(Conduct.WELL);
                McpServer server = new McpServer(config(fake).withRequestTimeout(Duration.ofSeconds(2)))) {
            McpTool echo = tool(server.tools().block(WAIT), "mcp__fake__echo");

            assertThatThrownBy(() -> execute(echo, Map.of("message", "stall")))
                    .hasMessage("Tool 'mcp__fake__echo': MCP server 'fake' gave no answer within 2 s");
            assertThat(server.status()).isEqualTo(McpServerStatus.UP);
            assertThat(execute(echo, Map.of("message", "next"))).isEqualTo("Echo: next");
        }
    }

    @Test
    void aJsonRpcErrorFailsTheCallOnlyWithTheCredentialRedacted() {
        try (MisbehavingSseServer fake = MisbehavingSseServer.start(Conduct.WELL);
                McpServer server = new McpServer(config(fake))) {
            McpTool echo = tool(server.tools().block(WAIT), "mcp__fake__echo");

            Throwable failure = catchThrowable(() -> execute(echo, Map.of("message", "error")));

            assertThat(failure).isInstanceOf(ToolException.class).hasMessageStartingWith("Tool 'mcp__fake__echo': "
                    + "MCP server 'fake' refused the call: the tool broke; your credentials were ");
            assertNoCredential(ExceptionChain.text(failure));
            assertThat(server.status()).isEqualTo(McpServerStatus.UP);
        }
    }

    @Test
    void aMessageRefusedWithAnErrorStatusTakesTheServerDownAndFailsTheCallsUnderWayWithTheReason() throws Exception {
        try (MisbehavingSseServer fake = MisbehavingSseServer.start(Conduct.WELL);
                McpServer server = new McpServer(config(fake))) {
            McpTool echo = tool(server.tools().block(WAIT), "mcp__fake__echo");
            CompletableFuture<String> waiting = CompletableFuture.supplyAsync(
                    () -> execute(echo, Map.of("message", "stall")));
            await(() -> fake.methods().contains("tools/call"));

            String refused = "MCP server 'fake' (URL " + fake.url()
                    + ") answered a message with HTTP 500: cannot take messages now";
            assertThatThrownBy(() -> execute(echo, Map.of("message", "refuse")))
                    .hasMessage("Tool 'mcp__fake__echo': " + refused);
            assertThat(waiting).failsWithin(WAIT).withThrowableThat().havingCause()
                    .withMessage("Tool 'mcp__fake__echo': " + refused);
            assertThat(server.status()).isEqualTo(McpServerStatus.DOWN);
        }
    }

    @Test
    void aMessageThatIsNotJsonRpcTakesTheServerDownAndFailsTheCallAtOnce() {
        try (MisbehavingSseServer fake = MisbehavingSseServer.start(Conduct.WELL);
                McpServer server = new McpServer(config(fake))) {
            McpTool echo = tool(server.tools().block(WAIT), "mcp__fake__echo");

            assertThatThrownBy(() -> execute(echo, Map.of("message", "garble")))
                    .hasMessageStartingWith("Tool 'mcp__fake__echo': MCP server 'fake' (URL " + fake.url()
                            + ") sent a message that is not JSON-RPC: ");
            assertThat(server.status()).isEqualTo(McpServerStatus.DOWN);
        }
    }

    private McpServerConfig config(MisbehavingSseServer fake) {
        return McpServerConfig.of("fake", McpTransportConfig.sse(fake.url()).withHeader("Authorization",
                "Bearer " + TOKEN));
    }

    private void assertNoCredential(String text) {
        assertThat(text).doesNotContain(TOKEN.substring(4));
        assertThat(logs.lines()).noneMatch(line -> line.contains(TOKEN.substring(4)));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited for the condition").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
