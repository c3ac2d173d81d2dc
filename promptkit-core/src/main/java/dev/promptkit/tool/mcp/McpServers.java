/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The application's MCP servers, by name. Creating it starts nothing; {@link #tools()} connects the
 * servers (in parallel) on first use. A server that is down contributes no tools and is tried again
 * on a later call once its backoff has passed; the others are not affected.
 *
 * <pre>{@code
 * try (McpServers mcp = new McpServers(List.of(
 *         McpServerConfig.of("files", McpTransportConfig.stdio("npx", "-y", "@modelcontextprotocol/server-filesystem",
 *                 "/srv/docs")),
 *         McpServerConfig.of("search", McpTransportConfig.streamableHttp("https://mcp.example.com/mcp")
 *                 .withHeader("Authorization", "Bearer " + token)),
 *         McpServerConfig.of("legacy", McpTransportConfig.sse("http://127.0.0.1:3001/sse"))))) {
 *     List<McpTool> tools = mcp.tools().block();
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class McpServers implements AutoCloseable {

    private final Map<String, McpServer> servers = new LinkedHashMap<>();

    /** @throws IllegalArgumentException when two servers share a name */
    public McpServers(Collection<McpServerConfig> configs) {
        for (McpServerConfig config : configs) {
            if (servers.putIfAbsent(config.name(), new McpServer(config)) != null) {
                throw new IllegalArgumentException("Two MCP servers are named '" + config.name() + "'");
            }
        }
    }

    /** The tools of every server that is (or can be brought) up, in the order the servers were configured. */
    public Mono<List<McpTool>> tools() {
        return Flux.fromIterable(servers.values())
                .flatMapSequential(server -> server.tools()
                        .onErrorResume(McpServerException.class, down -> Mono.just(List.of())))
                .flatMapIterable(tools -> tools)
                .collectList();
    }

    public Optional<McpServer> server(String name) {
        return Optional.ofNullable(servers.get(name));
    }

    /** Every server, in the order they were configured, for status reporting. */
    public List<McpServer> servers() {
        return List.copyOf(servers.values());
    }

    /** Closes every server, in parallel; blocks like {@link McpServer#close()}. */
    @Override
    public void close() {
        Flux.fromIterable(servers.values()).flatMap(McpServer::shutdown).then().block();
    }
}
