/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import dev.promptkit.secret.SecretRedactor;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The SDK's stdio transport, plus what it lacks: a working directory, an environment that does not
 * inherit this JVM's secrets, the server's stderr in our log (the values of its credential variables masked), and
 * a signal when the process fails to start or exits (the SDK would otherwise leave requests waiting for their
 * timeout).
 */
final class ServerProcessTransport extends StdioClientTransport {

    private static final Logger log = LoggerFactory.getLogger(ServerProcessTransport.class);

    private static final int STDERR_LINES_KEPT = 5;

    private static final Duration STDERR_DRAIN = Duration.ofMillis(100);

    private final McpServerConfig server;
    private final McpTransportConfig.Stdio stdio;
    private final SecretRedactor secrets;
    private final Sinks.Empty<Void> lost = Sinks.empty();
    private final Deque<String> stderrTail = new ArrayDeque<>();

    ServerProcessTransport(McpServerConfig server, McpTransportConfig.Stdio stdio, McpJsonMapper json) {
        super(ServerParameters.builder(stdio.command()).args(stdio.args()).env(stdio.env()).build(), json);
        this.server = server;
        this.stdio = stdio;
        this.secrets = stdio.redactor();
        setStdErrorHandler(this::stderr);
    }

    /** Errors when the process fails to start or exits; never completes otherwise. */
    Mono<Void> lost() {
        return lost.asMono();
    }

    /** Starts from an empty environment; the SDK adds HOME, LOGNAME, PATH, SHELL, TERM, USER and the configured env. */
    @Override
    protected ProcessBuilder getProcessBuilder() {
        ProcessBuilder builder = new ProcessBuilder();
        builder.environment().clear();
        if (stdio.workingDirectory() != null) {
            builder.directory(stdio.workingDirectory().toFile());
        }
        return builder;
    }

    @Override
    public Mono<Void> connect(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
        return super.connect(handler)
                .doOnSuccess(started -> watchExit())
                .doOnError(failure -> lost.tryEmitError(new McpServerException(server,
                        "failed to start: " + FailureReason.of(failure, server.initTimeout()), failure)));
    }

    private void watchExit() {
        Thread watcher = new Thread(() -> {
            awaitForExit();
            letStderrDrain();
            lost.tryEmitError(new McpServerException(server, "exited" + stderrSummary(), null));
        }, "mcp-" + server.name() + "-exit-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** The SDK reads stderr on its own thread; a crashing server's last words may still be on their way. */
    private static void letStderrDrain() {
        try {
            Thread.sleep(STDERR_DRAIN.toMillis());
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void stderr(String raw) {
        String line = secrets.redact(raw);
        log.debug("[{}] {}", server.name(), line);
        synchronized (stderrTail) {
            if (stderrTail.size() == STDERR_LINES_KEPT) {
                stderrTail.removeFirst();
            }
            stderrTail.addLast(line);
        }
    }

    private String stderrSummary() {
        synchronized (stderrTail) {
            return stderrTail.isEmpty() ? "" : "; its last stderr lines: " + String.join(" | ", stderrTail);
        }
    }
}
