/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.mcp;

import dev.promptkit.tool.mcp.McpServerConfig;
import dev.promptkit.tool.mcp.McpToolFilter;
import dev.promptkit.tool.mcp.McpTransportConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * MCP servers whose tools prompts may offer, under {@code promptkit.mcp.servers.<name>.*}. A server
 * runs a {@code command} (stdio) or is reached at a {@code url} (streamable HTTP). Servers connect on
 * first use; one that fails never stops the application or the other servers.
 *
 * @param servers the servers by name (tools are named {@code mcp__<name>__<tool>})
 *
 * @since 0.1.0
 */
@ConfigurationProperties("promptkit.mcp")
public record PromptKitMcpProperties(@DefaultValue Map<String, Server> servers) {

    /**
     * One MCP server.
     *
     * @param command the program to start (stdio); its arguments in {@code args}
     * @param args the program's arguments
     * @param env environment variables for the program (only these and a few basic ones are passed)
     * @param workingDirectory where the program runs
     * @param url the streamable-HTTP endpoint, instead of a command
     * @param headers HTTP headers sent to the endpoint (for example {@code Authorization})
     * @param allow tool names (or {@code prefix*}) to offer; all when empty
     * @param deny tool names (or {@code prefix*}) never to offer
     * @param requestTimeout the longest a tool call may take
     * @param initTimeout the longest the connection handshake may take
     */
    public record Server(String command, @DefaultValue List<String> args, @DefaultValue Map<String, String> env,
            Path workingDirectory, String url, @DefaultValue Map<String, String> headers,
            @DefaultValue List<String> allow, @DefaultValue List<String> deny,
            @DefaultValue("30s") Duration requestTimeout, @DefaultValue("10s") Duration initTimeout) {

        McpServerConfig toConfig(String name) {
            if ((command == null) == (url == null)) {
                throw new IllegalArgumentException("MCP server '" + name + "' needs exactly one of "
                        + "promptkit.mcp.servers." + name + ".command or .url");
            }
            McpTransportConfig transport;
            if (command != null) {
                transport = McpTransportConfig.stdio(command, args.toArray(String[]::new)).withEnv(env)
                        .withWorkingDirectory(workingDirectory);
            }
            else {
                McpTransportConfig.StreamableHttp http = McpTransportConfig.streamableHttp(url);
                for (Map.Entry<String, String> header : headers.entrySet()) {
                    http = http.withHeader(header.getKey(), header.getValue());
                }
                transport = http;
            }
            return McpServerConfig.of(name, transport).withToolFilter(new McpToolFilter(allow, deny))
                    .withRequestTimeout(requestTimeout).withInitTimeout(initTimeout);
        }

        @Override
        public String toString() {
            return "Server[command=" + command + ", args=" + args + ", env=" + env.keySet() + ", url=" + url
                    + ", headers=" + headers.keySet() + "]";
        }
    }
}
