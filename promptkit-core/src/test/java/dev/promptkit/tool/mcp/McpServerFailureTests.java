/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.promptkit.test.ExceptionChain;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Servers that cannot be used: no MCP server needed, only {@code sh} and a loopback port. */
class McpServerFailureTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A process that never says a word. */
    private static final McpTransportConfig.Stdio SILENT = McpTransportConfig.stdio("sh", "-c", "exec sleep 30");

    @TempDir
    Path temp;

    @Test
    void constructionStartsNothing() {
        Set<ProcessHandle> before = ChildProcesses.snapshot();
        try (McpServer server = new McpServer(McpServerConfig.of("lazy", SILENT))) {
            assertThat(server.status()).isEqualTo(McpServerStatus.IDLE);
            assertThat(server.lastError()).isEmpty();
            assertThat(server.toolNames()).isEmpty();
            assertThat(ChildProcesses.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void aCommandThatDoesNotExistIsDownNamingTheCommand() {
        try (McpServer ghost = new McpServer(McpServerConfig.of("ghost",
                McpTransportConfig.stdio("promptkit-no-such-mcp-server", "--flag")))) {
            assertThatThrownBy(() -> ghost.tools().block(WAIT))
                    .isInstanceOf(McpServerException.class)
                    .hasMessageStartingWith("MCP server 'ghost' (command 'promptkit-no-such-mcp-server --flag') "
                            + "failed to start: Cannot run program \"promptkit-no-such-mcp-server\"")
                    .satisfies(failure -> assertThat(((McpServerException) failure).serverName()).isEqualTo("ghost"));
            assertThat(ghost.status()).isEqualTo(McpServerStatus.DOWN);
            assertThat(ghost.lastError()).get(InstanceOfAssertFactories.STRING)
                    .startsWith("MCP server 'ghost' (command 'promptkit-no-such-mcp-server --flag') failed to start: ");
        }
    }

    @Test
    void aServerThatExitsAtOnceIsRetriedOnlyAfterTheBackoff() throws Exception {
        Path attempts = temp.resolve("attempts");
        String script = "echo attempt >> \"$0\"; echo 'cannot serve today' >&2; sleep 0.3; exit 3";
        try (McpServer crashing = new McpServer(McpServerConfig.of("crashing",
                        McpTransportConfig.stdio("sh", "-c", script, attempts.toString()))
                .withRetryBackoff(new McpRetryBackoff(Duration.ofMillis(500), Duration.ofSeconds(5))))) {
            assertThatThrownBy(() -> crashing.tools().block(WAIT))
                    .hasMessageStartingWith(
                            "MCP server 'crashing' (command 'sh -c " + script + " " + attempts + "') exited")
                    .hasMessageEndingWith("its last stderr lines: cannot serve today");

            assertThatThrownBy(() -> crashing.tools().block(WAIT))
                    .hasMessageContaining("exited")
                    .hasMessageContaining("; next attempt on use in ");
            assertThat(Files.readAllLines(attempts)).hasSize(1);

            Thread.sleep(600);
            assertThatThrownBy(() -> crashing.tools().block(WAIT)).hasMessageContaining("exited");
            assertThat(Files.readAllLines(attempts)).hasSize(2);
            assertThat(crashing.status()).isEqualTo(McpServerStatus.DOWN);
        }
    }

    @Test
    void aServerThatPrintsItsCredentialVariableOnStderrNeverShowsIt() {
        String token = "ghp_StdErrToken7f3a9b1c2d4e";
        try (McpServer chatty = new McpServer(McpServerConfig.of("chatty", McpTransportConfig
                .stdio("sh", "-c", "echo \"bad token $GITHUB_TOKEN\" >&2; sleep 0.3; exit 3")
                .withEnv(Map.of("GITHUB_TOKEN", token))))) {
            assertThatThrownBy(() -> chatty.tools().block(WAIT)).hasMessageContaining("exited")
                    .hasMessageEndingWith("its last stderr lines: bad token [redacted]")
                    .satisfies(failure -> assertThat(ExceptionChain.text(failure)).doesNotContain(token.substring(4)));
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndIsStopped() throws Exception {
        Set<ProcessHandle> before = ChildProcesses.snapshot();
        try (McpServer silent = new McpServer(McpServerConfig.of("silent", SILENT)
                .withInitTimeout(Duration.ofMillis(500)))) {
            assertThatThrownBy(() -> silent.tools().block(WAIT))
                    .hasMessage("MCP server 'silent' (command 'sh -c exec sleep 30') initialize failed: "
                            + "no answer within 500 ms");
            assertThat(silent.status()).isEqualTo(McpServerStatus.DOWN);
            ChildProcesses.awaitAllStoppedSince(before);
        }
    }

    @Test
    void aMissingWorkingDirectoryIsDownNamingTheCommand() {
        Path missing = temp.resolve("missing");
        try (McpServer misplaced = new McpServer(McpServerConfig.of("misplaced",
                SILENT.withWorkingDirectory(missing)))) {
            assertThatThrownBy(() -> misplaced.tools().block(WAIT))
                    .hasMessageStartingWith("MCP server 'misplaced' (command 'sh -c exec sleep 30') failed to start: "
                            + "Cannot run program \"sh\" (in directory \"" + missing + "\")");
        }
    }

    @Test
    void anUnreachableUrlIsDownNamingTheUrl() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/mcp";
        try (McpServer remote = new McpServer(McpServerConfig.of("remote", McpTransportConfig.streamableHttp(url)))) {
            assertThatThrownBy(() -> remote.tools().block(WAIT))
                    .hasMessage("MCP server 'remote' (URL " + url + ") initialize failed: ConnectException");
            assertThat(remote.status()).isEqualTo(McpServerStatus.DOWN);
        }
    }

    @Test
    void sendsTheConfiguredHeadersAndKeepsSecretsOutOfMessages() throws Exception {
        try (MockWebServer upstream = new MockWebServer()) {
            upstream.start();
            upstream.enqueue(new MockResponse.Builder().code(500).body("down for maintenance").build());
            String url = upstream.url("/mcp").toString();
            try (McpServer remote = new McpServer(McpServerConfig.of("remote",
                    McpTransportConfig.streamableHttp(url + "?token=secret-query")
                            .withHeader("X-Api-Key", "secret-key")))) {
                assertThatThrownBy(() -> remote.tools().block(WAIT))
                        .hasMessageStartingWith("MCP server 'remote' (URL " + url + ") initialize failed: ")
                        .hasMessageContaining("500")
                        .hasMessageNotContaining("secret");

                RecordedRequest initialize = upstream.takeRequest(5, TimeUnit.SECONDS);
                assertThat(initialize.getHeaders().get("X-Api-Key")).isEqualTo("secret-key");
                assertThat(initialize.getBody().utf8()).contains("\"method\":\"initialize\"");
            }
        }
    }

    @Test
    void aServerEchoingItsCredentialInAnyCaseNeverShowsItInAnErrorOrStatus() throws Exception {
        String token = "mcp-tok-7f3a9b1c2d4e5f60";
        try (MockWebServer upstream = new MockWebServer()) {
            upstream.start();
            upstream.enqueue(new MockResponse.Builder().code(500).body("invalid token "
                    + token.toUpperCase(Locale.ROOT) + " for Bearer other-gw-token-123").build());
            try (McpServer remote = new McpServer(McpServerConfig.of("remote", McpTransportConfig
                    .streamableHttp(upstream.url("/mcp").toString()).withHeader("Authorization", "Bearer " + token)))) {
                Throwable failure = catchThrowable(() -> remote.tools().block(WAIT));

                assertThat(failure).isInstanceOf(McpServerException.class).hasMessageContaining("invalid token [redacted] for Bearer [redacted]");
                assertThat(ExceptionChain.text(failure) + remote.lastError().orElseThrow())
                        .doesNotContainIgnoringCase(token.substring(4)).doesNotContain("other-gw-token");
            }
        }
    }

    @Test
    void aClosedServerIsNeverStarted() {
        Set<ProcessHandle> before = ChildProcesses.snapshot();
        McpServer server = new McpServer(McpServerConfig.of("closed", SILENT));
        server.close();

        assertThatThrownBy(() -> server.tools().block(WAIT))
                .isInstanceOf(McpServerException.class)
                .hasMessage("MCP server 'closed' (command 'sh -c exec sleep 30') is closed");
        assertThat(server.status()).isEqualTo(McpServerStatus.CLOSED);
        assertThat(ChildProcesses.snapshot()).isEqualTo(before);
    }
}
