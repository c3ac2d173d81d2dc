/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import dev.promptkit.types.ToolCall;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an in-process handler and turns what it returns into the text the model sees: a {@code String} as it is, a
 * {@code Mono}/{@code Publisher} or {@code CompletionStage} awaited first, anything else serialised to JSON. A handler
 * that may block runs on {@link BlockingToolThreads} (never on an event loop); a {@link #nonBlocking non-blocking}
 * one, which only assembles a {@code Mono} or a future, is called on the subscribing thread.
 *
 * @since 0.1.0
 */
public final class LocalToolExecutor implements ToolExecutor {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final ContextualToolHandler handler;
    private final HandlerRunner runner;

    /** A handler that may block, run on the {@link BlockingToolThreads#shared() shared} blocking threads. */
    public LocalToolExecutor(ContextualToolHandler handler) {
        this(handler, BlockingToolThreads.shared());
    }

    /** A handler that may block, run on {@code threads}. */
    public LocalToolExecutor(ContextualToolHandler handler, BlockingToolThreads threads) {
        this(handler, Objects.requireNonNull(threads, "threads")::call);
    }

    private LocalToolExecutor(ContextualToolHandler handler, HandlerRunner runner) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.runner = runner;
    }

    /** A handler that may block, run on the shared blocking threads. */
    public static LocalToolExecutor of(ToolHandler handler) {
        return of(handler, BlockingToolThreads.shared());
    }

    /** A handler that may block, run on {@code threads}. */
    public static LocalToolExecutor of(ToolHandler handler, BlockingToolThreads threads) {
        return new LocalToolExecutor((context, arguments) -> handler.handle(arguments), threads);
    }

    /**
     * A handler that never blocks (it returns a {@code Mono}, a {@code Publisher} or a {@code CompletionStage} at
     * once), called on the thread that subscribes, as WebFlux calls a reactive controller method.
     */
    public static LocalToolExecutor nonBlocking(ContextualToolHandler handler) {
        return new LocalToolExecutor(handler, (toolName, work) -> Mono.<Object>fromCallable(work::call));
    }

    @Override
    public Mono<String> execute(ToolCall call, ToolContext context) {
        return runner.run(context.toolName(), () -> handler.handle(context, call.arguments()))
                .flatMap(LocalToolExecutor::awaited)
                .map(result -> serialised(result, context.toolName()))
                .defaultIfEmpty("null");
    }

    private static Mono<?> awaited(Object result) {
        if (result instanceof Publisher<?> publisher) {
            return Mono.from(publisher);
        }
        if (result instanceof CompletionStage<?> stage) {
            return Mono.fromCompletionStage(stage);
        }
        return Mono.just(result);
    }

    private static String serialised(Object result, String toolName) {
        if (result instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(result);
        }
        catch (RuntimeException ex) {
            throw new ToolException(toolName, "its result of type " + result.getClass().getName()
                    + " cannot be serialised to JSON: " + ex.getMessage(), ex);
        }
    }

    /** Where the handler is called. */
    @FunctionalInterface
    private interface HandlerRunner {
        Mono<Object> run(String toolName, Callable<?> work);
    }
}
