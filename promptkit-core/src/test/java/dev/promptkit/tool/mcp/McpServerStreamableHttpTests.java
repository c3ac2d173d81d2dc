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

import dev.promptkit.test.EverythingServerProcess;
import dev.promptkit.tool.ToolException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the real {@code server-everything} serving streamable HTTP on a loopback port. */
class McpServerStreamableHttpTests {

    private static EverythingServerProcess http;

    /** Checks per test, so that every test reports the reason when it is skipped. */
    @BeforeEach
    void requireServer() throws Exception {
        EverythingServer.binary();
        if (http == null) {
            http = EverythingServerProcess.startStreamableHttp();
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (http != null) {
            http.close();
        }
    }

    @Test
    void discoversAndCallsTools() {
        try (McpServer remote = new McpServer(McpServerConfig.of("remote",
                McpTransportConfig.streamableHttp(http.url())))) {
            List<McpTool> tools = remote.tools().block(WAIT);

            assertThat(tools).extracting(tool -> tool.descriptor().name())
                    .contains("mcp__remote__echo", "mcp__remote__get-sum");
            assertThat(remote.status()).isEqualTo(McpServerStatus.UP);
            assertThat(call(remote, "echo", Map.of("message", "over HTTP"))).isEqualTo("Echo: over HTTP");
            assertThat(call(remote, "get-sum", Map.of("a", 40, "b", 2))).isEqualTo("The sum of 40 and 2 is 42.");
        }
    }

    @Test
    void aServerThatGoesAwayIsDownThenComesBackOnUseAfterTheBackoff() throws Exception {
        try (McpServer remote = new McpServer(McpServerConfig.of("flaky", McpTransportConfig.streamableHttp(http.url()))
                .withRetryBackoff(new McpRetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(1))))) {
            McpTool echo = tool(remote.tools().block(WAIT), "mcp__flaky__echo");

            http.stop();
            assertThatThrownBy(() -> execute(echo, Map.of("message", "anyone?")))
                    .isInstanceOf(ToolException.class)
                    .hasMessageStartingWith("Tool 'mcp__flaky__echo': MCP server 'flaky' (URL " + http.url()
                            + ") failed during a call: ");
            assertThat(remote.status()).isEqualTo(McpServerStatus.DOWN);
            assertThat(remote.lastError()).get(InstanceOfAssertFactories.STRING)
                    .startsWith("MCP server 'flaky' (URL " + http.url() + ")");

            http.restart();
            Thread.sleep(300);
            assertThat(execute(echo, Map.of("message", "back"))).isEqualTo("Echo: back");
            assertThat(remote.status()).isEqualTo(McpServerStatus.UP);
        }
    }
}
