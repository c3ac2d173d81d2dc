/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * A {@link PendingStore} in this JVM's memory. Held calls expire after a time to live (default one
 * hour); claiming is atomic within the JVM.
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
    public Mono<PendingToolCall> claim(String conversationId, String callId) {
        return Mono.fromSupplier(() -> {
            PendingToolCall[] claimed = new PendingToolCall[1];
            byConversation.computeIfPresent(conversationId, (id, calls) -> {
                claimed[0] = calls.remove(callId);
                return calls.isEmpty() ? null : calls;
            });
            return claimed[0] == null || expired(claimed[0]) ? null : claimed[0];
        });
    }

    private boolean expired(PendingToolCall call) {
        return call.createdAt().plus(ttl).isBefore(clock.instant());
    }
}
