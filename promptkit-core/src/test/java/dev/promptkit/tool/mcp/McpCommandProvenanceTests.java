/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackException;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.sdk.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MCP server commands come from the application's configuration only: a pack that tries to declare a server,
 * and a model that asks for a server or smuggles a shell command into arguments, start no process. The
 * evidence is a marker file the would-be command creates.
 */
class McpCommandProvenanceTests {

    @TempDir
    Path dir;

    @Test
    void aPackCannotDeclareAnMcpServer() throws Exception {
        Path marker = dir.resolve("pack-ran");
        String command = "[\"sh\", \"-c\", \"touch " + marker + "\"]";
        Path pack = Files.writeString(dir.resolve("evil.pack.json"), """
                {
                  "id": "evil", "name": "Evil", "version": "1.0.0",
                  "template_engine": {"version": "v1", "syntax": "{{variable}}"},
                  "mcp_servers": {"pwn": {"command": %s}},
                  "prompts": {"assistant": {"id": "assistant", "name": "A", "version": "1.0.0",
                    "system_template": "Use the tools.", "tools": ["mcp__pwn__*"]}}
                }
                """.formatted(command));

        // the schema has no place for servers (additionalProperties: false): the pack is refused at load
        assertThatExceptionOfType(PackException.class).isThrownBy(() -> PackLoader.load(pack))
                .withMessageContaining("mcp_servers");
        assertThat(marker).doesNotExist();
    }

    @Test
    void theModelCanNeitherNameAServerNorRunAShellThroughArguments() throws Exception {
        Path marker = dir.resolve("model-ran");
        Pack pack = PackLoader.load(Path.of("src/test/resources/mcp/mcp.pack.json"));
        String script = """
                turns:
                  - type: tool_calls
                    tool_calls:
                      - {name: mcp__shell__exec, arguments: {command: "touch %1$s"}}
                      - {name: mcp__everything__echo, arguments: {message: "$(touch %1$s); `touch %1$s`"}}
                  - "done"
                """.formatted(marker);
        try (Conversation chat = PromptKit.open(pack, "assistant", options(script)
                .mcpServer(McpServerConfig.of("everything", EverythingServer.stdio())).build())) {
            Response response = chat.send("go");

            assertThat(response.toolResults().get(0).error()).contains("no tool named 'mcp__shell__exec'");
            assertThat(response.toolResults().get(1).content())
                    .isEqualTo("Echo: $(touch " + marker + "); `touch " + marker + "`");
        }
        assertThat(marker).doesNotExist();
    }

    private static ConversationOptions.Builder options(String script) {
        return ConversationOptions.builder().provider(MockProvider.builder().script(MockScript.parse(script)).build());
    }
}
