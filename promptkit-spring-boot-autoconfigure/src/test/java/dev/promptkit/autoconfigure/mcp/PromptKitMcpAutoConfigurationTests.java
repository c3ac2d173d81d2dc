/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.Response;
import dev.promptkit.test.EverythingServerBinary;
import dev.promptkit.tool.mcp.McpServer;
import dev.promptkit.tool.mcp.McpServerStatus;
import dev.promptkit.tool.mcp.McpServers;
import dev.promptkit.types.ToolResult;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PromptKitMcpAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider()
            .withConfiguration(AutoConfigurations.of(PromptKitMcpAutoConfiguration.class));

    @Test
    void withNoServersConfiguredTheBeanIsEmpty() {
        contextRunner.run(context -> assertThat(context.getBean(McpServers.class).servers()).isEmpty());
    }

    @Test
    void aConfiguredServerIsNotStartedUntilAConversationUsesItsTools() {
        contextRunner.withPropertyValues("promptkit.mcp.servers.everything.command=" + EverythingServerBinary.path(),
                "promptkit.mcp.servers.everything.allow=echo").run(context -> {
                    McpServer server = context.getBean(McpServers.class).server("everything").orElseThrow();
                    assertThat(server.status()).isEqualTo(McpServerStatus.IDLE);
                });
    }

    @Test
    void aPromptOffersTheConfiguredServersToolAndTheServerAnswersIt() {
        AtomicReference<McpServer> server = new AtomicReference<>();
        contextRunner.withPropertyValues("promptkit.pack=classpath:mcp/everything.pack.json",
                "promptkit.mock.script=classpath:mcp/everything-mock.yaml",
                "promptkit.mcp.servers.everything.command=" + EverythingServerBinary.path()).run(context -> {
                    Response response = context.getBean(Conversations.class).open("echo").send("echo this");

                    assertThat(response.toolResults()).extracting(ToolResult::content)
                            .containsExactly("Echo: hello from the model");
                    assertThat(response.text()).isEqualTo("The server echoed it.");
                    server.set(context.getBean(McpServers.class).server("everything").orElseThrow());
                    assertThat(server.get().status()).isEqualTo(McpServerStatus.UP);
                });
        assertThat(server.get().status()).as("stopped with the context").isEqualTo(McpServerStatus.CLOSED);
    }

    @Test
    void aServerWithBothACommandAndAUrlFailsStartUpNamingTheProperties() {
        contextRunner.withPropertyValues("promptkit.mcp.servers.search.command=mcp-search",
                "promptkit.mcp.servers.search.url=http://127.0.0.1:9/mcp").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessage("MCP server 'search' needs exactly "
                            + "one of promptkit.mcp.servers.search.command or .url");
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsServers() {
        McpServers own = new McpServers(List.of());
        contextRunner.withBean(McpServers.class, () -> own)
                .run(context -> assertThat(context.getBean(McpServers.class)).isSameAs(own));
    }
}
