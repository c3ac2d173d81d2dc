/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.tool.PendingStore;
import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.tool.PendingToolDecidedException;
import dev.promptkit.tool.PendingToolNotFoundException;
import dev.promptkit.types.ToolResult;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Takes decisions on a conversation's calls held for approval, in the shared pending store: claims a call, works
 * out its result and keeps that for the next turn. Exactly one of several concurrent decisions wins.
 */
final class HeldCallDecisions {

    private static final Logger log = LoggerFactory.getLogger(HeldCallDecisions.class);

    private final String conversationId;
    private final PendingStore store;

    HeldCallDecisions(String conversationId, PendingStore store) {
        this.conversationId = conversationId;
        this.store = store;
    }

    /** The calls still waiting for a decision. */
    Mono<List<PendingToolCall>> waiting() {
        return store.list(conversationId).map(held -> held.stream().filter(PendingToolCall::isWaiting).toList());
    }

    /** Takes {@code decision} on a held call, {@code outcome} working out its result. */
    Mono<ToolResult> decide(String callId, PendingToolCall.Decision decision,
            Function<PendingToolCall, Mono<ToolResult>> outcome) {
        return store.claim(conversationId, callId, decision)
                .flatMap(claimed -> keep(claimed, outcome))
                .switchIfEmpty(Mono.defer(() -> decidedBefore(callId, decision, outcome)));
    }

    private Mono<ToolResult> keep(PendingToolCall call, Function<PendingToolCall, Mono<ToolResult>> outcome) {
        return outcome.apply(call).flatMap(result -> store.complete(conversationId, call.id(), result)
                .doOnNext(kept -> {
                    if (!kept) {
                        log.warn("The result of tool call '{}' ({}) of conversation '{}' could not be kept: the call"
                                + " expired while it was decided; the model will be told its outcome is unknown",
                                call.id(), call.name(), conversationId);
                    }
                })
                .thenReturn(result));
    }

    /** A decision on a call that no longer waits: the same result again, a new rejection reason, or an error. */
    private Mono<ToolResult> decidedBefore(String callId, PendingToolCall.Decision decision,
            Function<PendingToolCall, Mono<ToolResult>> outcome) {
        return store.list(conversationId).flatMap(held -> {
            PendingToolCall call = held.stream().filter(candidate -> candidate.id().equals(callId)).findFirst()
                    .orElse(null);
            if (call == null) {
                return Mono.error(new PendingToolNotFoundException(conversationId, callId));
            }
            if (call.decision() != decision || call.isRunning()) {
                return Mono.error(new PendingToolDecidedException(call, decision));
            }
            return decision == PendingToolCall.Decision.REJECTED ? keep(call, outcome) : Mono.just(call.result());
        });
    }
}
