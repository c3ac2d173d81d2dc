/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.sdk.Response;
import dev.promptkit.test.EverythingServerProcess;
import dev.promptkit.types.ToolDescriptor;
import dev.promptkit.types.ToolResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** Whole conversations whose tools are the real server-everything's, over stdio, streamable HTTP and SSE. */
class McpConversationTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/mcp/mcp.pack.json"));
    private static final String SCRIPT = """
            turns:
              - type: tool_calls
                tool_calls:
                  - {name: mcp__everything__echo, arguments: {message: hello from the model}}
                  - {name: mcp__everything__get-sum, arguments: {a: 19, b: 23}}
              - "The sum is 42."
            """;

    private final List<ProviderRequest> requests = new CopyOnWriteArrayList<>();

    private ConversationOptions.Builder options() {
        MockProvider mock = MockProvider.builder().script(MockScript.parse(SCRIPT)).build();
        return ConversationOptions.builder().provider(new dev.promptkit.provider.ForwardingProvider(mock) {
            @Override
            public reactor.core.publisher.Flux<dev.promptkit.provider.ProviderChunk> stream(ProviderRequest request) {
                requests.add(request);
                return super.stream(request);
            }
        });
    }

    private void assertEchoAndSum(Response response) {
        assertThat(response.text()).isEqualTo("The sum is 42.");
        assertThat(response.toolResults()).extracting(ToolResult::content)
                .containsExactly("Echo: hello from the model", "The sum of 19 and 23 is 42.");
        assertThat(requests.get(0).tools()).extracting(ToolDescriptor::name)
                .contains("mcp__everything__echo", "mcp__everything__get-sum");
    }

    @Test
    void aConversationCallsTheServersToolsOverStdio() {
        try (Conversation chat = PromptKit.open(PACK, "assistant", options()
                .mcpServer(McpServerConfig.of("everything", EverythingServer.stdio())).build())) {
            assertEchoAndSum(chat.send("echo and add please"));
        }
    }

    @Test
    void aConversationCallsTheServersToolsOverStreamableHttp() throws Exception {
        try (EverythingServerProcess http = EverythingServerProcess.startStreamableHttp();
                McpServers servers = new McpServers(List.of(McpServerConfig.of("everything",
                        McpTransportConfig.streamableHttp(http.url()))))) {
            Conversation chat = PromptKit.open(PACK, "assistant", options()
                    .tools(tools -> tools.withMcpServers(servers)).build());
            assertEchoAndSum(chat.send("echo and add please"));
        }
    }

    @Test
    void aConversationCallsTheServersToolsOverTheLegacySseTransport() throws Exception {
        try (EverythingServerProcess sse = EverythingServerProcess.startSse();
                Conversation chat = PromptKit.open(PACK, "assistant", options()
                        .mcpServer(McpServerConfig.of("everything", McpTransportConfig.sse(sse.url()))).build())) {
            assertEchoAndSum(chat.send("echo and add please"));
        }
    }

    @Test
    void aPromptOffersOnlyTheMcpToolsItNames() {
        try (Conversation chat = PromptKit.open(PACK, "narrow", options()
                .mcpServer(McpServerConfig.of("everything", EverythingServer.stdio())).build())) {
            Response response = chat.send("echo and add please");

            assertThat(requests.get(0).tools()).extracting(ToolDescriptor::name).containsExactly("mcp__everything__echo");
            assertThat(response.toolResults().get(1).error()).startsWith("no tool named 'mcp__everything__get-sum'");
        }
    }

    @Test
    void aServerThatCannotStartOffersNoToolsAndTheConversationStillAnswers() {
        try (Conversation chat = PromptKit.open(PACK, "assistant", options()
                .mcpServer(McpServerConfig.of("everything", McpTransportConfig.stdio("/no/such/mcp-server"))).build())) {
            Response response = chat.send("echo and add please");

            assertThat(requests.get(0).tools()).isEmpty();
            assertThat(response.toolResults()).allSatisfy(result -> assertThat(result.error()).contains("no tool named"));
            assertThat(response.text()).isEqualTo("The sum is 42.");
        }
    }
}
