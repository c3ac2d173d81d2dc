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
                .map(tool -> checkedRun(call, tool, registry, conversationId, events).map(ToolOutcome::result))
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
                return failed(call, refusal);
            }
            ToolDescriptor tool = registry.descriptor(call.name()).orElse(null);
            if (tool == null || !offeredTools.contains(call.name())) {
                return failed(call, "no tool named '" + call.name() + "' is available; the tools are " + offeredTools);
            }
            ToolBinding binding = registry.binding(call.name()).orElse(null);
            if (binding != null && binding.approval() != null && call.args() != null && call.args().isObject()) {
                PendingResult hold = binding.approval().check(call.arguments());
                if (hold != null) {
                    return Mono.just(ToolOutcome.held(call, PendingToolCall.of(conversationId, call, hold)));
                }
            }
            return checkedRun(call, tool, registry, conversationId, events);
        });
    }

    private Mono<ToolOutcome> checkedRun(ToolCall call, ToolDescriptor tool, ToolRegistry registry,
            String conversationId, EventBus events) {
        if (call.args() != null && call.args().isString()) {
            return failed(call, "the arguments are not valid JSON: " + call.args().asString());
        }
        List<String> violations = registry.violations(tool, call.args());
        if (!violations.isEmpty()) {
            return failed(call, "the arguments do not match the tool's schema: " + String.join("; ", violations));
        }
        ToolBinding binding = registry.binding(call.name()).orElse(null);
        if (binding == null) {
            return failed(call, new ToolNotRegisteredException(call.name()).getMessage());
        }
        long started = System.nanoTime();
        ToolContext context = new ToolContext(conversationId, call.id(), call.name());
        if (events.hasListeners()) {
            events.publish(new ToolCallEvent(Instant.now(), conversationId, Phase.STARTED, call.name(), call.id(), null,
                    null));
        }
        Mono<ToolOutcome> run = binding.executor() instanceof MeteredToolExecutor metered
                ? Mono.defer(() -> metered.answer(call, context)).map(answer -> ToolOutcome.result(call,
                        ToolResult.success(call.id(), call.name(), answer.content(), elapsedMillis(started)),
                        answer.cost()))
                : Mono.defer(() -> binding.executor().execute(call, context)).map(content -> ToolOutcome.result(call,
                        ToolResult.success(call.id(), call.name(), content, elapsedMillis(started))));
        return run.timeout(timeout)
                .onErrorResume(error -> Mono.just(ToolOutcome.result(call,
                        failure(call, describe(error), elapsedMillis(started)))));
    }

    private static Mono<ToolOutcome> failed(ToolCall call, String error) {
        return Mono.just(ToolOutcome.result(call, failure(call, error, 0)));
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
