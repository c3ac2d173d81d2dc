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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Against the real {@code server-everything} serving the legacy HTTP+SSE transport on a loopback port. */
class McpServerSseTests {

    private static EverythingServerProcess sse;

    /** Checks per test, so that every test reports the reason when it is skipped. */
    @BeforeEach
    void requireServer() throws Exception {
        EverythingServer.binary();
        if (sse == null) {
            sse = EverythingServerProcess.startSse();
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (sse != null) {
            sse.close();
        }
    }

    @Test
    void discoversAndCallsTools() {
        try (McpServer legacy = new McpServer(McpServerConfig.of("legacy", McpTransportConfig.sse(sse.url())))) {
            List<McpTool> tools = legacy.tools().block(WAIT);

            assertThat(tools).extracting(tool -> tool.descriptor().name())
                    .contains("mcp__legacy__echo", "mcp__legacy__get-sum");
            assertThat(legacy.status()).isEqualTo(McpServerStatus.UP);
            assertThat(call(legacy, "echo", Map.of("message", "over SSE"))).isEqualTo("Echo: over SSE");
            assertThat(call(legacy, "get-sum", Map.of("a", 40, "b", 2))).isEqualTo("The sum of 40 and 2 is 42.");
        }
    }

    @Test
    void callsInParallelOnOneStreamEachGetTheirOwnAnswer() {
        try (McpServer legacy = new McpServer(McpServerConfig.of("parallel", McpTransportConfig.sse(sse.url())))) {
            McpTool sum = tool(legacy.tools().block(WAIT), "mcp__parallel__get-sum");

            List<String> answers = Flux.range(1, 12)
                    .flatMap(i -> Mono.fromCallable(() -> execute(sum, Map.of("a", i, "b", 100)))
                            .subscribeOn(Schedulers.boundedElastic()))
                    .collectList().block(WAIT);

            assertThat(answers).hasSize(12).contains("The sum of 1 and 100 is 101.", "The sum of 12 and 100 is 112.")
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void aServerJsonRpcErrorFailsTheCallOnlyAndTheServerStaysUp() {
        try (McpServer legacy = new McpServer(McpServerConfig.of("strict", McpTransportConfig.sse(sse.url())))) {
            McpTool echo = tool(legacy.tools().block(WAIT), "mcp__strict__echo");

            assertThatThrownBy(() -> execute(echo, Map.of("wrong", "argument")))
                    .isInstanceOf(ToolException.class)
                    .hasMessageStartingWith("Tool 'mcp__strict__echo': ");
            assertThat(legacy.status()).isEqualTo(McpServerStatus.UP);
            assertThat(execute(echo, Map.of("message", "still fine"))).isEqualTo("Echo: still fine");
        }
    }

    @Test
    void aServerThatGoesAwayIsDownAtOnceThenComesBackOnUseAfterTheBackoff() throws Exception {
        Duration backoff = Duration.ofSeconds(2);
        try (McpServer legacy = new McpServer(McpServerConfig.of("flaky", McpTransportConfig.sse(sse.url()))
                .withRetryBackoff(new McpRetryBackoff(backoff, backoff)))) {
            McpTool echo = tool(legacy.tools().block(WAIT), "mcp__flaky__echo");

            try {
                sse.stop();
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (legacy.status() != McpServerStatus.DOWN) {
                    assertThat(System.nanoTime()).as("down once its event stream ended").isLessThan(deadline);
                    Thread.sleep(20);
                }
                assertThat(legacy.lastError()).get(InstanceOfAssertFactories.STRING)
                        .startsWith("MCP server 'flaky' (URL " + sse.url() + ") ")
                        .containsAnyOf("closed its event stream", "event stream failed");
                assertThatThrownBy(() -> execute(echo, Map.of("message", "anyone?")))
                        .isInstanceOf(ToolException.class)
                        .hasMessageContaining("MCP server 'flaky' (URL " + sse.url() + ")")
                        .hasMessageContaining("next attempt on use in");
            }
            finally {
                sse.restart();
            }
            Thread.sleep(backoff.toMillis() + 100);
            assertThat(execute(echo, Map.of("message", "back"))).isEqualTo("Echo: back");
            assertThat(legacy.status()).isEqualTo(McpServerStatus.UP);
            assertThat(legacy.lastError()).isEmpty();
        }
    }
}
