/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import dev.promptkit.types.ToolDescriptor;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One configured MCP server and its connection. Nothing starts until first use: {@link #tools()} or a
 * tool call starts the process (or reaches the URL) and runs {@code initialize} and {@code tools/list}.
 * A server that fails to start, does not answer in time or dies becomes {@link McpServerStatus#DOWN DOWN}
 * with the reason in {@link #lastError()}; its tools then fail fast with a
 * {@link dev.promptkit.tool.ToolException} until the backoff has passed, and the next use connects
 * again. A failure never escapes as an exception from a constructor or a getter, and never touches
 * another server. Thread-safe; never blocks except in {@link #close()}.
 *
 * @since 0.1.0
 */
public final class McpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(McpServer.class);

    private static final JsonMapper JSON = JsonMapper.shared();

    private final McpServerConfig config;

    private final Object lock = new Object();

    // guarded by lock
    private McpServerStatus status = McpServerStatus.IDLE;
    private McpConnection connection;
    private Mono<McpConnection> attempt;
    private McpServerException lastFailure;
    private int failuresInARow;
    private long retryAtNanos;

    public McpServer(McpServerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public String name() {
        return config.name();
    }

    public McpServerConfig config() {
        return config;
    }

    /**
     * The server's tools that pass the filter, connecting first if needed. Fails with an
     * {@link McpServerException} when the server is down or closed.
     */
    public Mono<List<McpTool>> tools() {
        return connection().map(McpConnection::tools);
    }

    public McpServerStatus status() {
        synchronized (lock) {
            return status;
        }
    }

    /** Why the server last failed, naming it and its command or URL; empty once it has connected again. */
    public Optional<String> lastError() {
        synchronized (lock) {
            return Optional.ofNullable(lastFailure).map(Throwable::getMessage);
        }
    }

    /** The names ({@code mcp__<server>__<tool>}) of the tools offered while the server is up; empty otherwise. */
    public List<String> toolNames() {
        McpConnection current;
        synchronized (lock) {
            current = connection;
        }
        return current == null ? List.of() : current.tools().stream().map(tool -> tool.descriptor().name()).toList();
    }

    /**
     * Ends the session and stops the server process, waiting a few seconds at most. Blocks: call it
     * from a thread that may block (as a Spring context's shutdown does), not from an event loop.
     */
    @Override
    public void close() {
        shutdown().block();
    }

    /** Closes without blocking; completes when the connection, or the attempt under way, is closed. */
    Mono<Void> shutdown() {
        Mono<McpConnection> closing;
        synchronized (lock) {
            if (status == McpServerStatus.UP) {
                closing = Mono.just(connection);
            }
            else if (status == McpServerStatus.CONNECTING) {
                closing = attempt.onErrorResume(failure -> Mono.empty());
            }
            else {
                closing = Mono.empty();
            }
            status = McpServerStatus.CLOSED;
            connection = null;
            attempt = null;
        }
        return closing.flatMap(McpConnection::close);
    }

    /** The live connection, connecting first when due; fails with an {@link McpServerException} when down or closed. */
    Mono<McpConnection> connection() {
        return Mono.defer(() -> {
            Mono<McpConnection> started;
            synchronized (lock) {
                boolean due = status == McpServerStatus.IDLE
                        || status == McpServerStatus.DOWN && retryAtNanos - System.nanoTime() <= 0;
                if (!due) {
                    return current();
                }
                status = McpServerStatus.CONNECTING;
                started = McpConnection.open(config, this::adapt)
                        .doOnNext(this::connected)
                        .onErrorMap(this::failed)
                        .cache();
                attempt = started;
            }
            started.subscribe(opened -> { }, failure -> { });
            return afterAttempt(started);
        });
    }

    /** The connection as things stand, without starting an attempt; call holding the lock. */
    private Mono<McpConnection> current() {
        if (status == McpServerStatus.UP) {
            return Mono.just(connection);
        }
        if (status == McpServerStatus.CONNECTING) {
            return afterAttempt(attempt);
        }
        return Mono.error(unavailable());
    }

    /** Fails as the attempt failed; otherwise the connection as things stand once it is over. */
    private Mono<McpConnection> afterAttempt(Mono<McpConnection> pending) {
        return pending.then(Mono.defer(() -> {
            synchronized (lock) {
                return current();
            }
        }));
    }

    private void connected(McpConnection opened) {
        synchronized (lock) {
            if (status == McpServerStatus.CLOSED) {
                return;
            }
            status = McpServerStatus.UP;
            connection = opened;
            attempt = null;
            lastFailure = null;
            failuresInARow = 0;
        }
        log.info("MCP server '{}' ({}) is up with {} tools", config.name(), config.transport().describe(),
                opened.tools().size());
        opened.lost().subscribe(ignored -> { }, failure -> lost(opened, failure));
    }

    private Throwable failed(Throwable failure) {
        McpServerException down = asServerException(failure, "failed");
        synchronized (lock) {
            if (status == McpServerStatus.CLOSED) {
                return down;
            }
            markDown(down);
        }
        log.warn("{}; next attempt on use in {}", down.getMessage(), retryDelay());
        return down;
    }

    /** Takes the server down when {@code dead} is still its connection; a later use reconnects. */
    void lost(McpConnection dead, Throwable failure) {
        McpServerException down = asServerException(failure, "stopped answering");
        synchronized (lock) {
            if (status != McpServerStatus.UP || connection != dead) {
                return;
            }
            markDown(down);
        }
        log.warn("{}; next attempt on use in {}", down.getMessage(), retryDelay());
        dead.close().subscribe();
    }

    private void markDown(McpServerException failure) {
        status = McpServerStatus.DOWN;
        connection = null;
        attempt = null;
        lastFailure = failure;
        failuresInARow++;
        retryAtNanos = System.nanoTime() + config.retryBackoff().delayAfter(failuresInARow).toNanos();
    }

    private String retryDelay() {
        synchronized (lock) {
            return FailureReason.format(config.retryBackoff().delayAfter(failuresInARow));
        }
    }

    /** Why the server cannot be used now that it is down or closed; call holding the lock. */
    private McpServerException unavailable() {
        if (status == McpServerStatus.CLOSED) {
            return new McpServerException(config, "is closed", null);
        }
        long waitNanos = Math.max(0, retryAtNanos - System.nanoTime());
        return new McpServerException(config, lastFailure.problem() + "; next attempt on use in "
                + FailureReason.format(Duration.ofMillis(Duration.ofNanos(waitNanos).toMillis())), lastFailure);
    }

    private McpServerException asServerException(Throwable failure, String problem) {
        if (failure instanceof McpServerException known) {
            return known;
        }
        return new McpServerException(config, problem + ": " + FailureReason.of(failure, config.requestTimeout()),
                failure);
    }

    private McpTool adapt(McpSchema.Tool tool) {
        String qualifiedName = "mcp__" + config.name() + "__" + tool.name();
        String description = Stream.of(tool.description(), tool.title(), tool.name())
                .filter(text -> text != null && !text.isBlank())
                .findFirst()
                .orElse(tool.name());
        JsonNode inputSchema = tool.inputSchema() == null ? JSON.createObjectNode().put("type", "object")
                : JSON.valueToTree(tool.inputSchema());
        return new McpTool(new ToolDescriptor(qualifiedName, description, inputSchema),
                new McpToolExecutor(this, tool.name(), qualifiedName));
    }
}
