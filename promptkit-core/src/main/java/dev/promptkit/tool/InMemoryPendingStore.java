/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import dev.promptkit.types.ToolResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * A {@link PendingStore} in this JVM's memory. Held calls expire after a time to live from when they were held
 * (default one hour); every change of a call is atomic within the JVM.
 *
 * @since 0.1.0
 */
public final class InMemoryPendingStore implements PendingStore {

    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    private final Map<String, Map<String, PendingToolCall>> byConversation = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public InMemoryPendingStore() {
        this(DEFAULT_TTL, Clock.systemUTC());
    }

    public InMemoryPendingStore(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Mono<Void> add(PendingToolCall call) {
        return Mono.fromRunnable(() -> byConversation
                .computeIfAbsent(call.conversationId(), id -> new ConcurrentHashMap<>())
                .put(call.id(), call));
    }

    @Override
    public Mono<List<PendingToolCall>> list(String conversationId) {
        return Mono.fromSupplier(() -> {
            Map<String, PendingToolCall> calls = byConversation.getOrDefault(conversationId, Map.of());
            List<PendingToolCall> live = new ArrayList<>();
            for (PendingToolCall call : calls.values()) {
                if (expired(call)) {
                    calls.remove(call.id(), call);
                }
                else {
                    live.add(call);
                }
            }
            live.sort(Comparator.comparing(PendingToolCall::createdAt));
            return live;
        });
    }

    @Override
    public Mono<PendingToolCall> claim(String conversationId, String callId, PendingToolCall.Decision decision) {
        return Mono.fromSupplier(() -> {
            PendingToolCall[] claimed = new PendingToolCall[1];
            byConversation.computeIfPresent(conversationId, (id, calls) -> {
                calls.computeIfPresent(callId, (key, call) -> {
                    if (call.isWaiting() && !expired(call)) {
                        claimed[0] = call.withDecision(decision);
                        return claimed[0];
                    }
                    return call;
                });
                return calls;
            });
            return claimed[0];
        });
    }

    @Override
    public Mono<Boolean> complete(String conversationId, String callId, ToolResult result) {
        return Mono.fromSupplier(() -> {
            boolean[] kept = new boolean[1];
            byConversation.computeIfPresent(conversationId, (id, calls) -> {
                calls.computeIfPresent(callId, (key, call) -> {
                    kept[0] = !expired(call);
                    return call.withResult(result);
                });
                return calls;
            });
            return kept[0];
        });
    }

    @Override
    public Mono<Void> remove(String conversationId, Collection<String> callIds) {
        return Mono.fromRunnable(() -> byConversation.computeIfPresent(conversationId, (id, calls) -> {
            callIds.forEach(calls::remove);
            return calls.isEmpty() ? null : calls;
        }));
    }

    private boolean expired(PendingToolCall call) {
        return call.createdAt().plus(ttl).isBefore(clock.instant());
    }
}
