/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.mcp;

import dev.promptkit.tool.mcp.McpServerConfig;
import dev.promptkit.tool.mcp.McpToolFilter;
import dev.promptkit.tool.mcp.McpTransportConfig;
import dev.promptkit.tool.mcp.McpTransportType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * MCP servers whose tools prompts may offer, under {@code promptkit.mcp.servers.<name>.*}. A server
 * runs a {@code command} (stdio) or is reached at a {@code url}: streamable HTTP, or the legacy HTTP+SSE
 * transport with {@code transport=sse}. Servers connect on first use; one that fails never stops the
 * application or the other servers.
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
     * @param transport {@code stdio}, {@code streamable-http} or {@code sse}; when unset, {@code stdio} with a
     * command and {@code streamable-http} with a URL
     * @param url the streamable-HTTP endpoint or, with {@code transport=sse}, the event stream (often
     * {@code .../sse}), instead of a command
     * @param headers HTTP headers sent with every request (for example {@code Authorization})
     * @param allow tool names (or {@code prefix*}) to offer; all when empty
     * @param deny tool names (or {@code prefix*}) never to offer
     * @param requestTimeout the longest a tool call may take
     * @param initTimeout the longest the connection handshake may take
     */
    public record Server(McpTransportType transport, String command, @DefaultValue List<String> args,
            @DefaultValue Map<String, String> env, Path workingDirectory, String url,
            @DefaultValue Map<String, String> headers,
            @DefaultValue List<String> allow, @DefaultValue List<String> deny,
            @DefaultValue("30s") Duration requestTimeout, @DefaultValue("10s") Duration initTimeout) {

        McpServerConfig toConfig(String name) {
            return McpServerConfig.of(name, transportConfig(name)).withToolFilter(new McpToolFilter(allow, deny))
                    .withRequestTimeout(requestTimeout).withInitTimeout(initTimeout);
        }

        private McpTransportConfig transportConfig(String name) {
            String prefix = "promptkit.mcp.servers." + name;
            if (transport == null && (command == null) == (url == null)) {
                throw new IllegalArgumentException("MCP server '" + name + "' needs exactly one of " + prefix
                        + ".command or .url");
            }
            McpTransportType type = transport != null ? transport
                    : command != null ? McpTransportType.STDIO : McpTransportType.STREAMABLE_HTTP;
            boolean local = type == McpTransportType.STDIO;
            boolean hasCommand = command != null;
            boolean hasUrl = url != null;
            if (hasCommand != local || hasUrl == local) {
                throw new IllegalArgumentException("MCP server '" + name + "' with transport " + type.value()
                        + " needs " + prefix + (local ? ".command and no .url" : ".url and no .command"));
            }
            if (local) {
                return McpTransportConfig.stdio(command, args.toArray(String[]::new)).withEnv(env)
                        .withWorkingDirectory(workingDirectory);
            }
            if (type == McpTransportType.SSE) {
                return new McpTransportConfig.Sse(URI.create(url), headers);
            }
            return new McpTransportConfig.StreamableHttp(URI.create(url), headers);
        }

        @Override
        public String toString() {
            return "Server[transport=" + transport + ", command=" + command + ", args=" + args + ", env="
                    + env.keySet() + ", url=" + url + ", headers=" + headers.keySet() + "]";
        }
    }
}
