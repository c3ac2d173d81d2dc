/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import dev.promptkit.provider.gemini.CacheablePrefix.CacheKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The {@code cachedContents} resources a provider made, by {@link CacheKey}: thread-safe, at most
 * {@code maxEntries} of them (the least recently used forgotten first), and one creation at a time per key, whose
 * result every turn waiting for that key shares. An entry is used until {@link #SAFETY_MARGIN} before the expiry
 * time the API gave it; an entry without a name records that the API refused to cache that prompt.
 */
final class CachedContentRegistry {

    /** How long before its expiry a resource stops being used, so that no request names one about to expire. */
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(30);

    private final Map<CacheKey, Entry> entries;
    private final Map<CacheKey, Mono<Entry>> creations = new ConcurrentHashMap<>();
    private final Clock clock;

    CachedContentRegistry(int maxEntries, Clock clock) {
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CacheKey, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The live entry of {@code key}, else the one {@code create} makes (shared with every concurrent caller). */
    Mono<Entry> entry(CacheKey key, Supplier<Mono<Entry>> create) {
        return Mono.defer(() -> {
            Entry live = live(key);
            if (live != null) {
                return Mono.just(live);
            }
            return creations.computeIfAbsent(key, absent -> create.get()
                    .doOnNext(made -> remember(absent, made))
                    .doFinally(signal -> creations.remove(absent))
                    .cache());
        });
    }

    /** Forgets {@code name} as the resource of {@code key}, the API having said it is gone. */
    synchronized void forget(CacheKey key, String name) {
        Entry known = entries.get(key);
        if (known != null && name.equals(known.name())) {
            entries.remove(key);
        }
    }

    /** How many entries are remembered. */
    synchronized int size() {
        return entries.size();
    }

    private synchronized Entry live(CacheKey key) {
        Entry known = entries.get(key);
        if (known == null) {
            return null;
        }
        if (clock.instant().isBefore(known.expireTime().minus(SAFETY_MARGIN))) {
            return known;
        }
        entries.remove(key);
        return null;
    }

    private synchronized void remember(CacheKey key, Entry entry) {
        entries.put(key, entry);
    }

    /**
     * A resource and when it expires; {@code name} is {@code null} when the API refused to cache the prompt, which is
     * then sent uncached until {@code expireTime}.
     */
    record Entry(String name, Instant expireTime) {

        boolean cached() {
            return name != null;
        }
    }
}
