/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import dev.promptkit.types.ToolCall;
import java.util.concurrent.CompletionStage;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an in-process handler on a bounded worker pool (never on an event loop) and turns what it
 * returns into the text the model sees: a {@code String} as it is, a {@code Mono}/{@code Publisher} or
 * {@code CompletionStage} awaited first, anything else serialised to JSON.
 *
 * @since 0.1.0
 */
public final class LocalToolExecutor implements ToolExecutor {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final ContextualToolHandler handler;
    private final Scheduler workers;

    public LocalToolExecutor(ContextualToolHandler handler) {
        this(handler, Schedulers.boundedElastic());
    }

    public LocalToolExecutor(ContextualToolHandler handler, Scheduler workers) {
        this.handler = handler;
        this.workers = workers;
    }

    public static LocalToolExecutor of(ToolHandler handler) {
        return new LocalToolExecutor((context, arguments) -> handler.handle(arguments));
    }

    @Override
    public Mono<String> execute(ToolCall call, ToolContext context) {
        return Mono.fromCallable(() -> handler.handle(context, call.arguments()))
                .subscribeOn(workers)
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
}
