/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import static dev.promptkit.tool.mcp.ToolCalls.WAIT;
import static dev.promptkit.tool.mcp.ToolCalls.call;
import static dev.promptkit.tool.mcp.ToolCalls.execute;
import static dev.promptkit.tool.mcp.ToolCalls.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.tool.ToolContext;
import dev.promptkit.tool.ToolException;
import dev.promptkit.types.ToolCall;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the real {@code server-everything} over stdio. */
class McpServerStdioTests {

    /** Long enough that the call "too early" lands inside it on a loaded machine. */
    private static final Duration BACKOFF = Duration.ofSeconds(3);

    private static McpServer everything;

    /** Checks per test, so that every test reports the reason when it is skipped. */
    @BeforeEach
    void requireServer() {
        McpTransportConfig.Stdio stdio = EverythingServer.stdio();
        if (everything == null) {
            everything = new McpServer(McpServerConfig.of("everything", stdio));
        }
    }

    @AfterAll
    static void stopServer() {
        if (everything != null) {
            everything.close();
        }
    }

    @Test
    void discoversTheServersToolsUnderQualifiedNames() {
        List<McpTool> tools = everything.tools().block(WAIT);

        assertThat(tools).extracting(tool -> tool.descriptor().name())
                .contains("mcp__everything__echo", "mcp__everything__get-sum",
                        "mcp__everything__get-structured-content", "mcp__everything__get-tiny-image",
                        "mcp__everything__get-resource-reference")
                .allMatch(name -> name.startsWith("mcp__everything__"));
        McpTool echo = tool(tools, "mcp__everything__echo");
        assertThat(echo.descriptor().description()).isEqualTo("Echoes back the input string");
        assertThat(echo.descriptor().inputSchema().path("type").asString()).isEqualTo("object");
        assertThat(echo.descriptor().inputSchema().path("properties").path("message").path("type").asString())
                .isEqualTo("string");
        assertThat(everything.status()).isEqualTo(McpServerStatus.UP);
        assertThat(everything.toolNames()).containsAll(tools.stream().map(tool -> tool.descriptor().name()).toList());
        assertThat(everything.lastError()).isEmpty();
    }

    @Test
    void echoReturnsTheServersText() {
        assertThat(call(everything, "echo", Map.of("message", "hello MCP"))).isEqualTo("Echo: hello MCP");
    }

    @Test
    void sumsTwoNumbers() {
        assertThat(call(everything, "get-sum", Map.of("a", 2, "b", 3.5))).isEqualTo("The sum of 2 and 3.5 is 5.5.");
    }

    @Test
    void prefersStructuredContent() {
        assertThat(call(everything, "get-structured-content", Map.of("location", "Chicago")))
                .isEqualTo("{\"temperature\":36,\"conditions\":\"Light rain / drizzle\",\"humidity\":82}");
    }

    @Test
    void describesImagesAndShowsTextResources() {
        assertThat(call(everything, "get-tiny-image", Map.of())).containsPattern("\\[image: image/png, \\d+ bytes]");
        assertThat(call(everything, "get-resource-reference", Map.of("resourceType", "Text", "resourceId", 1)))
                .contains("[resource: demo://resource/dynamic/text/1 (text/plain)]\n"
                        + "Resource 1: This is a plaintext resource");
    }

    @Test
    void anIsErrorResultFailsWithTheServersText() {
        assertThatThrownBy(() -> call(everything, "echo", Map.of()))
                .isInstanceOf(ToolException.class)
                .hasMessageStartingWith("Tool 'mcp__everything__echo': ")
                .hasMessageContaining("Input validation error")
                .extracting(failure -> ((ToolException) failure).toolName())
                .isEqualTo("mcp__everything__echo");
        assertThat(everything.status()).isEqualTo(McpServerStatus.UP);
    }

    @Test
    void argumentsThatAreNotAnObjectFailWithoutReachingTheServer() {
        McpTool echo = tool(everything.tools().block(WAIT), "mcp__everything__echo");
        ToolCall garbled = ToolCall.fromRawArguments("call-1", "mcp__everything__echo", "{\"message\": ");

        assertThatThrownBy(() -> echo.executor().execute(garbled, new ToolContext("c", "call-1", "echo")).block(WAIT))
                .isInstanceOf(ToolException.class)
                .hasMessage("Tool 'mcp__everything__echo': the arguments must be a JSON object, not {\"message\": ");
    }

    @Test
    void offersOnlyTheToolsTheFilterAllows() {
        try (McpServer filtered = new McpServer(McpServerConfig.of("filtered", EverythingServer.stdio())
                .withToolFilter(new McpToolFilter(List.of("echo", "get-*"), List.of("get-env", "get-tiny-*"))))) {
            assertThat(filtered.tools().block(WAIT)).extracting(tool -> tool.descriptor().name())
                    .contains("mcp__filtered__echo", "mcp__filtered__get-sum", "mcp__filtered__get-structured-content")
                    .doesNotContain("mcp__filtered__get-env", "mcp__filtered__get-tiny-image",
                            "mcp__filtered__trigger-long-running-operation")
                    .allMatch(name -> name.equals("mcp__filtered__echo") || name.startsWith("mcp__filtered__get-"));
        }
    }

    @Test
    void passesOnlyTheConfiguredEnvironmentToTheProcess() {
        String inheritedOnly = System.getenv().keySet().stream()
                .filter(name -> !Set.of("HOME", "LOGNAME", "PATH", "SHELL", "TERM", "USER").contains(name))
                .findFirst().orElseThrow();
        try (McpServer withEnv = new McpServer(McpServerConfig.of("env",
                EverythingServer.stdio().withEnv(Map.of("PROMPTKIT_MCP_TEST", "configured-value"))))) {
            String environment = call(withEnv, "get-env", Map.of());

            assertThat(environment).contains("\"PROMPTKIT_MCP_TEST\": \"configured-value\"").contains("\"PATH\"")
                    .doesNotContain("\"" + inheritedOnly + "\"");
        }
    }

    @Test
    void aKilledServerGoesDownThenComesBackOnUseAfterTheBackoff() throws Exception {
        Set<ProcessHandle> before = ChildProcesses.snapshot();
        try (McpServer server = new McpServer(McpServerConfig.of("fragile", EverythingServer.stdio())
                .withRetryBackoff(new McpRetryBackoff(BACKOFF, Duration.ofSeconds(5))))) {
            McpTool echo = tool(server.tools().block(WAIT), "mcp__fragile__echo");
            ProcessHandle process = ChildProcesses.onlyStartedSince(before);

            process.destroyForcibly();
            await(() -> server.status() == McpServerStatus.DOWN);

            assertThat(server.lastError()).get(InstanceOfAssertFactories.STRING)
                    .startsWith("MCP server 'fragile' (command '" + EverythingServer.binary() + "') exited");
            assertThat(server.toolNames()).isEmpty();
            assertThatThrownBy(() -> execute(echo, Map.of("message", "too early")))
                    .isInstanceOf(ToolException.class)
                    .hasMessageContaining("MCP server 'fragile'")
                    .hasMessageContaining("exited")
                    .hasMessageContaining("next attempt on use in");

            Thread.sleep(BACKOFF.toMillis() + 100);
            assertThat(execute(echo, Map.of("message", "back again"))).isEqualTo("Echo: back again");
            assertThat(server.status()).isEqualTo(McpServerStatus.UP);
            assertThat(server.lastError()).isEmpty();
        }
    }

    @Test
    void closeStopsTheProcess() throws Exception {
        Set<ProcessHandle> before = ChildProcesses.snapshot();
        McpServer server = new McpServer(McpServerConfig.of("closing", EverythingServer.stdio()));
        McpTool echo = tool(server.tools().block(WAIT), "mcp__closing__echo");
        ProcessHandle process = ChildProcesses.onlyStartedSince(before);

        server.close();

        assertThat(process.onExit()).succeedsWithin(Duration.ofSeconds(5));
        assertThat(server.status()).isEqualTo(McpServerStatus.CLOSED);
        assertThatThrownBy(() -> execute(echo, Map.of("message", "after close")))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("MCP server 'closing'")
                .hasMessageEndingWith("is closed");
    }

    @Test
    void aServerWhoseCommandDoesNotExistIsDownWithoutAffectingTheOthers() {
        try (McpServers servers = new McpServers(List.of(
                McpServerConfig.of("ghost", McpTransportConfig.stdio("promptkit-no-such-mcp-server", "--port", "1")),
                McpServerConfig.of("everything", EverythingServer.stdio())))) {
            List<McpTool> tools = servers.tools().block(WAIT);

            assertThat(tools).extracting(tool -> tool.descriptor().name())
                    .contains("mcp__everything__echo")
                    .noneMatch(name -> name.startsWith("mcp__ghost__"));
            McpServer ghost = servers.server("ghost").orElseThrow();
            assertThat(ghost.status()).isEqualTo(McpServerStatus.DOWN);
            assertThat(ghost.lastError()).get(InstanceOfAssertFactories.STRING)
                    .startsWith("MCP server 'ghost' (command 'promptkit-no-such-mcp-server --port 1') "
                            + "failed to start: ");
            assertThat(servers.server("everything").orElseThrow().status()).isEqualTo(McpServerStatus.UP);
            assertThat(execute(tool(tools, "mcp__everything__echo"), Map.of("message", "still here")))
                    .isEqualTo("Echo: still here");
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s for the condition").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
