/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * One live session with an MCP server, on the SDK's async client: opened with {@code initialize} and
 * {@code tools/list}, keeps its (filtered) tools current when the server announces a change, and
 * calls tools. A new connection is opened for every (re)connection of an {@link McpServer}.
 */
final class McpConnection {

    private static final Logger log = LoggerFactory.getLogger(McpConnection.class);

    private static final McpJsonMapper JSON = new JacksonMcpJsonMapper(JsonMapper.shared());

    private static final McpSchema.Implementation CLIENT_INFO = McpSchema.Implementation.builder("promptkit",
            Objects.requireNonNullElse(McpConnection.class.getPackage().getImplementationVersion(), "dev")).build();

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final McpServerConfig server;
    private final TransportLink link;
    private final Function<McpSchema.Tool, McpTool> toolAdapter;
    private final McpAsyncClient client;
    private volatile List<McpTool> tools = List.of();
    private volatile Throwable lossReason;

    private McpConnection(McpServerConfig server, TransportLink link, Function<McpSchema.Tool, McpTool> toolAdapter) {
        this.server = server;
        this.link = link;
        this.toolAdapter = toolAdapter;
        this.client = McpClient.async(link.transport())
                .clientInfo(CLIENT_INFO)
                .requestTimeout(server.requestTimeout())
                .initializationTimeout(server.initTimeout())
                .toolsChangeConsumer(this::toolsChanged)
                .build();
        link.lost().subscribe(ignored -> { }, reason -> lossReason = reason);
    }

    /**
     * Starts the server (or reaches it), then {@code initialize} and {@code tools/list}. Fails with an
     * {@link McpServerException}, after releasing everything it started.
     */
    static Mono<McpConnection> open(McpServerConfig server, Function<McpSchema.Tool, McpTool> toolAdapter) {
        return Mono.defer(() -> new McpConnection(server, TransportLink.open(server, JSON), toolAdapter).handshake())
                .onErrorMap(failure -> !(failure instanceof McpServerException),
                        failure -> new McpServerException(server,
                                "could not be set up: " + FailureReason.of(failure, server.initTimeout()), failure));
    }

    private Mono<McpConnection> handshake() {
        Mono<McpConnection> handshake = client.initialize()
                .onErrorMap(failure -> failed("initialize", server.initTimeout(), failure))
                .then(Mono.defer(client::listTools))
                .onErrorMap(failure -> !(failure instanceof McpServerException),
                        failure -> failed("tools/list", server.requestTimeout(), failure))
                .map(listed -> {
                    replaceTools(listed.tools());
                    return this;
                });
        return Mono.firstWithSignal(handshake, link.lost().then(Mono.never()))
                .onErrorResume(failure -> close().then(Mono.error(failure)));
    }

    /** The server's tools that pass the filter, as of the last {@code tools/list}. */
    List<McpTool> tools() {
        return tools;
    }

    /** Errors when the connection is known to be dead (a process that exited). */
    Mono<Void> lost() {
        return link.lost();
    }

    /**
     * Calls a tool. A call that fails because the connection died fails with the reason it died (the process exited,
     * the event stream ended...) rather than the SDK's "session terminated".
     */
    Mono<McpSchema.CallToolResult> call(String toolName, Map<String, Object> arguments) {
        return client.callTool(McpSchema.CallToolRequest.builder(toolName).arguments(arguments).build())
                .onErrorMap(failure -> lossReason != null && !(failure instanceof McpError), failure -> lossReason);
    }

    /** Ends the session and stops the process; waits at most 5 s, and never fails. */
    Mono<Void> close() {
        return client.closeGracefully()
                .timeout(CLOSE_TIMEOUT)
                .onErrorResume(failure -> {
                    if (FailureReason.isTimeout(failure)) {
                        log.warn("MCP server '{}' ({}) did not stop within {}", server.name(),
                                server.transport().describe(), FailureReason.format(CLOSE_TIMEOUT));
                    }
                    else {
                        log.debug("MCP server '{}' did not close cleanly: {}", server.name(),
                                FailureReason.of(failure, CLOSE_TIMEOUT));
                    }
                    return Mono.empty();
                });
    }

    private Mono<Void> toolsChanged(List<McpSchema.Tool> changed) {
        replaceTools(changed);
        log.debug("MCP server '{}' changed its tools: now {}", server.name(), tools.size());
        return Mono.empty();
    }

    private void replaceTools(List<McpSchema.Tool> listed) {
        tools = listed.stream().filter(tool -> server.toolFilter().allows(tool.name())).map(toolAdapter).toList();
    }

    /** Why {@code request} failed: the reason the transport died, if it did, else the request's own failure. */
    private McpServerException failed(String request, Duration timeout, Throwable failure) {
        if (lossReason instanceof McpServerException lost) {
            return lost;
        }
        return new McpServerException(server, request + " failed: " + FailureReason.of(failure, timeout), failure);
    }
}
