/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.autoconfigure.actuate.PromptKitActuatorAutoConfiguration;
import dev.promptkit.autoconfigure.actuate.PromptKitEndpoint;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.Response;
import dev.promptkit.test.EverythingServerBinary;
import dev.promptkit.test.EverythingServerProcess;
import dev.promptkit.tool.mcp.McpServer;
import dev.promptkit.tool.mcp.McpServerStatus;
import dev.promptkit.tool.mcp.McpServers;
import dev.promptkit.tool.mcp.McpTransportConfig;
import dev.promptkit.types.ToolResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.InstanceOfAssertFactories;
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
    void aPromptOffersTheToolOfAServerOnTheLegacySseTransportAndTheServerAnswersIt() throws Exception {
        try (EverythingServerProcess sse = EverythingServerProcess.startSse()) {
            contextRunner.withPropertyValues("promptkit.pack=classpath:mcp/everything.pack.json",
                    "promptkit.mock.script=classpath:mcp/everything-mock.yaml",
                    "promptkit.mcp.servers.everything.transport=sse",
                    "promptkit.mcp.servers.everything.url=" + sse.url()).run(context -> {
                        Response response = context.getBean(Conversations.class).open("echo").send("echo this");

                        assertThat(response.toolResults()).extracting(ToolResult::content)
                                .containsExactly("Echo: hello from the model");
                        assertThat(context.getBean(McpServers.class).server("everything").orElseThrow().status())
                                .isEqualTo(McpServerStatus.UP);
                    });
        }
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
    void anSseServerIsConfiguredByItsTransportAndUrlAndTheActuatorShowsEachServersTransport() {
        contextRunner.withConfiguration(AutoConfigurations.of(PromptKitActuatorAutoConfiguration.class))
                .withPropertyValues("management.endpoints.web.exposure.include=promptkit",
                        "promptkit.mcp.servers.legacy.transport=sse",
                        "promptkit.mcp.servers.legacy.url=http://127.0.0.1:3001/sse",
                        "promptkit.mcp.servers.legacy.headers.Authorization=Bearer sse-secret-token",
                        "promptkit.mcp.servers.local.command=mcp-local")
                .run(context -> {
                    McpServer legacy = context.getBean(McpServers.class).server("legacy").orElseThrow();
                    assertThat(legacy.config().transport()).isEqualTo(McpTransportConfig
                            .sse("http://127.0.0.1:3001/sse").withHeader("Authorization", "Bearer sse-secret-token"));

                    Map<String, Object> servers = mcpServers(context.getBean(PromptKitEndpoint.class));
                    assertThat(servers.get("legacy")).asInstanceOf(InstanceOfAssertFactories.MAP)
                            .containsEntry("transport", "sse").containsEntry("status", "IDLE");
                    assertThat(servers.get("local")).asInstanceOf(InstanceOfAssertFactories.MAP)
                            .containsEntry("transport", "stdio");
                    assertThat(servers.toString()).doesNotContain("secret");
                });
    }

    @Test
    void aTransportWithoutWhatItNeedsFailsStartUpNamingTheProperty() {
        contextRunner.withPropertyValues("promptkit.mcp.servers.legacy.transport=sse",
                "promptkit.mcp.servers.legacy.command=mcp-legacy").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessage("MCP server 'legacy' with "
                            + "transport sse needs promptkit.mcp.servers.legacy.url and no .command");
                });
        contextRunner.withPropertyValues("promptkit.mcp.servers.local.transport=stdio",
                "promptkit.mcp.servers.local.url=http://127.0.0.1:9/mcp").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessage("MCP server 'local' with "
                            + "transport stdio needs promptkit.mcp.servers.local.command and no .url");
                });
    }

    @Test
    void anExplicitStreamableHttpTransportIsTheDefaultForAUrl() {
        contextRunner.withPropertyValues("promptkit.mcp.servers.remote.transport=streamable-http",
                "promptkit.mcp.servers.remote.url=http://127.0.0.1:9/mcp").run(context -> assertThat(
                        context.getBean(McpServers.class).server("remote").orElseThrow().config().transport())
                        .isEqualTo(McpTransportConfig.streamableHttp("http://127.0.0.1:9/mcp")));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsServers() {
        McpServers own = new McpServers(List.of());
        contextRunner.withBean(McpServers.class, () -> own)
                .run(context -> assertThat(context.getBean(McpServers.class)).isSameAs(own));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mcpServers(PromptKitEndpoint endpoint) {
        return (Map<String, Object>) endpoint.describe().get("mcpServers");
    }
}
