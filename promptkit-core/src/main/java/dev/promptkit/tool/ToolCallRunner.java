/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import dev.promptkit.event.EventBus;
import dev.promptkit.event.Phase;
import dev.promptkit.event.ToolCallEvent;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolDescriptor;
import dev.promptkit.types.ToolResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the tool calls of one round: in parallel (bounded), each checked first (offered to the model,
 * bound to a handler, within the turn's budget, arguments valid against the schema, not held for
 * approval) and limited by a timeout. Whatever goes wrong becomes an error result the model can read;
 * only a runaway loop ({@link ToolLoopException}) fails the turn.
 *
 * @since 0.1.0
 */
public final class ToolCallRunner {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_PARALLEL = 10;

    private final Duration timeout;
    private final int maxParallel;

    public ToolCallRunner(Duration timeout, int maxParallel) {
        this.timeout = timeout;
        this.maxParallel = maxParallel;
    }

    /** The outcomes of {@code calls}, in the order of the calls. */
    public Flux<ToolOutcome> run(List<ToolCall> calls, Collection<String> offeredTools, ToolRegistry registry,
            ToolTurnBudget budget, String conversationId, EventBus events) {
        return Flux.fromIterable(calls)
                .flatMapSequential(call -> outcome(call, offeredTools, registry, budget, conversationId, events)
                        .doOnNext(outcome -> announceEnd(outcome, events, conversationId)), maxParallel);
    }

    /** Runs one call without an approval check (a human approved it), with validation and the timeout. */
    public Mono<ToolResult> runApproved(ToolCall call, ToolRegistry registry, String conversationId, EventBus events) {
        return registry.descriptor(call.name())
                .map(tool -> checkedRun(call, tool, registry, conversationId, events))
                .orElseGet(() -> Mono.just(failure(call, "this tool is not available", 0)))
                .doOnNext(result -> announceEnd(ToolOutcome.result(call, result), events, conversationId));
    }

    /** Publishes how a call ended (a held call publishes nothing: it has not run). */
    private static void announceEnd(ToolOutcome outcome, EventBus events, String conversationId) {
        if (outcome.isPending() || !events.hasListeners()) {
            return;
        }
        ToolResult result = outcome.result();
        Duration took = Duration.ofMillis(result.latencyMs() == null ? 0 : result.latencyMs());
        events.publish(new ToolCallEvent(Instant.now(), conversationId, result.isError() ? Phase.FAILED
                : Phase.COMPLETED, result.name(), result.id(), took, result.error()));
    }

    private Mono<ToolOutcome> outcome(ToolCall call, Collection<String> offeredTools, ToolRegistry registry,
            ToolTurnBudget budget, String conversationId, EventBus events) {
        return Mono.defer(() -> {
            String refusal = budget.admit(call);
            if (refusal != null) {
                return Mono.just(ToolOutcome.result(call, failure(call, refusal, 0)));
            }
            ToolDescriptor tool = registry.descriptor(call.name()).orElse(null);
            if (tool == null || !offeredTools.contains(call.name())) {
                return Mono.just(ToolOutcome.result(call, failure(call, "no tool named '" + call.name()
                        + "' is available; the tools are " + offeredTools, 0)));
            }
            ToolBinding binding = registry.binding(call.name()).orElse(null);
            if (binding != null && binding.approval() != null && call.args() != null && call.args().isObject()) {
                PendingResult hold = binding.approval().check(call.arguments());
                if (hold != null) {
                    return Mono.just(ToolOutcome.held(call, PendingToolCall.of(conversationId, call, hold)));
                }
            }
            return checkedRun(call, tool, registry, conversationId, events)
                    .map(result -> ToolOutcome.result(call, result));
        });
    }

    private Mono<ToolResult> checkedRun(ToolCall call, ToolDescriptor tool, ToolRegistry registry,
            String conversationId, EventBus events) {
        if (call.args() != null && call.args().isString()) {
            return Mono.just(failure(call, "the arguments are not valid JSON: " + call.args().asString(), 0));
        }
        List<String> violations = registry.violations(tool, call.args());
        if (!violations.isEmpty()) {
            return Mono.just(failure(call, "the arguments do not match the tool's schema: "
                    + String.join("; ", violations), 0));
        }
        ToolBinding binding = registry.binding(call.name()).orElse(null);
        if (binding == null) {
            return Mono.just(failure(call, new ToolNotRegisteredException(call.name()).getMessage(), 0));
        }
        long started = System.nanoTime();
        ToolContext context = new ToolContext(conversationId, call.id(), call.name());
        if (events.hasListeners()) {
            events.publish(new ToolCallEvent(Instant.now(), conversationId, Phase.STARTED, call.name(), call.id(), null,
                    null));
        }
        return Mono.defer(() -> binding.executor().execute(call, context))
                .timeout(timeout)
                .map(content -> ToolResult.success(call.id(), call.name(), content, elapsedMillis(started)))
                .onErrorResume(error -> Mono.just(failure(call, describe(error), elapsedMillis(started))));
    }

    private String describe(Throwable error) {
        if (error instanceof TimeoutException) {
            return "the tool did not answer within " + timeout.toMillis() + " ms";
        }
        return error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
    }

    private static ToolResult failure(ToolCall call, String error, long latencyMillis) {
        return ToolResult.failure(call.id(), call.name(), error, latencyMillis);
    }

    private static long elapsedMillis(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
