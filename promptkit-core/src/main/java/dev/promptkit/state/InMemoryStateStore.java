/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state;

import dev.promptkit.types.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * A {@link StateStore} in this JVM's memory, for tests, demos and single-instance apps. Conversations
 * expire after a sliding time to live (every read or write restarts it; default one hour) and the
 * least recently used ones are evicted beyond a size bound (default 10,000), so memory stays bounded.
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class InMemoryStateStore implements StateStore {

    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    public static final int DEFAULT_MAX_CONVERSATIONS = 10_000;

    private final Duration ttl;
    private final int maxConversations;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    private record Entry(ConversationState state, Instant lastAccess) {
    }

    public InMemoryStateStore() {
        this(DEFAULT_TTL, DEFAULT_MAX_CONVERSATIONS, Clock.systemUTC());
    }

    /**
     * @param ttl how long a conversation lives after its last read or write; {@link Duration#ZERO} for no expiry
     * @param maxConversations how many conversations are kept at most
     * @param clock the time source (tests pass a fixed or moving clock)
     */
    public InMemoryStateStore(Duration ttl, int maxConversations, Clock clock) {
        if (maxConversations < 1) {
            throw new IllegalArgumentException("maxConversations must be at least 1, was " + maxConversations);
        }
        this.ttl = ttl;
        this.maxConversations = maxConversations;
        this.clock = clock;
    }

    @Override
    public Mono<ConversationState> load(String conversationId) {
        return Mono.fromSupplier(() -> {
            synchronized (entries) {
                Entry entry = live(conversationId);
                if (entry == null) {
                    return null;
                }
                entries.put(conversationId, new Entry(entry.state(), clock.instant()));
                return entry.state();
            }
        });
    }

    @Override
    public Mono<Void> append(String conversationId, List<Message> messages, Map<String, String> metadata,
            long expectedVersion) {
        return Mono.fromRunnable(() -> {
            synchronized (entries) {
                Entry entry = live(conversationId);
                ConversationState current = entry == null ? ConversationState.empty(conversationId) : entry.state();
                if (expectedVersion != ANY_VERSION && expectedVersion != current.version()) {
                    throw new ConversationConflictException(conversationId, expectedVersion, current.version());
                }
                long version = messages.isEmpty() ? current.version() : current.version() + 1;
                List<Message> merged = new ArrayList<>(current.messages().size() + messages.size());
                merged.addAll(current.messages());
                merged.addAll(messages);
                Map<String, String> mergedMetadata = new HashMap<>(current.metadata());
                mergedMetadata.putAll(metadata);
                put(new ConversationState(conversationId, merged, mergedMetadata, clock.instant(), version));
            }
        });
    }

    @Override
    public Mono<Void> save(ConversationState state) {
        return Mono.fromRunnable(() -> {
            synchronized (entries) {
                put(new ConversationState(state.id(), state.messages(), state.metadata(), clock.instant(),
                        nextVersion(state.id())));
            }
        });
    }

    @Override
    public Mono<Boolean> fork(String sourceId, String targetId) {
        return Mono.fromSupplier(() -> {
            synchronized (entries) {
                Entry source = live(sourceId);
                if (source == null) {
                    return false;
                }
                ConversationState copy = source.state();
                if (!sourceId.equals(targetId)) {
                    put(new ConversationState(targetId, copy.messages(), copy.metadata(), clock.instant(),
                            nextVersion(targetId)));
                }
                return true;
            }
        });
    }

    @Override
    public Mono<Boolean> delete(String conversationId) {
        return Mono.fromSupplier(() -> {
            synchronized (entries) {
                return live(conversationId) != null && entries.remove(conversationId) != null;
            }
        });
    }

    /** How many conversations are held now (expired ones that were not touched yet included). */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** The version a wholesale write of the conversation makes: one past the stored one (0 when none). */
    private long nextVersion(String conversationId) {
        Entry entry = live(conversationId);
        return entry == null ? 1 : entry.state().version() + 1;
    }

    private Entry live(String conversationId) {
        Entry entry = entries.get(conversationId);
        if (entry != null && expired(entry)) {
            entries.remove(conversationId);
            return null;
        }
        return entry;
    }

    private boolean expired(Entry entry) {
        return !ttl.isZero() && entry.lastAccess().plus(ttl).isBefore(clock.instant());
    }

    private void put(ConversationState state) {
        entries.put(state.id(), new Entry(state, clock.instant()));
        var eldest = entries.entrySet().iterator();
        while (entries.size() > maxConversations && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }
}
