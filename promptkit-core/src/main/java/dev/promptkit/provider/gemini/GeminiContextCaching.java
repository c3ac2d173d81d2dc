/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether and how {@link GeminiProvider} keeps a long system prompt and its tools in an explicit Gemini
 * {@code cachedContents} resource, so that each turn reads them from the cache (at the cached-input price) rather
 * than sending them again. A request is cached when its system instruction and tools come to at least
 * {@code minTokens} (estimated at four characters a token); Google refuses caches below a model's minimum (4,096
 * tokens for the Gemini 3.x models, 2,048 for Gemini 2.5 when this was written), and such a refusal only makes
 * the provider send that prompt uncached until {@code ttl} has passed. Each resource lives {@code ttl} and is
 * created again when it has expired or the API says it is gone; none is ever deleted (each expires on its own).
 * At most {@code maxEntries} resource names are remembered, the least recently used forgotten first.
 *
 * @param enabled whether to cache at all
 * @param minTokens the smallest estimated size of system instruction and tools worth a cache
 * @param ttl how long each resource lives (Google bills its storage per hour of it); at least one minute
 * @param maxEntries how many resource names to remember
 *
 * @since 0.1.0
 */
public record GeminiContextCaching(boolean enabled, int minTokens, Duration ttl, int maxEntries) {

    /** The threshold used when none is given: the largest minimum Google names for current models. */
    public static final int DEFAULT_MIN_TOKENS = 4096;

    /** The lifetime used when none is given. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(30);

    /** How many resource names are remembered when no bound is given. */
    public static final int DEFAULT_MAX_ENTRIES = 256;

    /** No caching: every request carries its own system instruction and tools. */
    public static final GeminiContextCaching DISABLED = new GeminiContextCaching(false, DEFAULT_MIN_TOKENS,
            DEFAULT_TTL, DEFAULT_MAX_ENTRIES);

    public GeminiContextCaching {
        Objects.requireNonNull(ttl, "ttl");
        if (minTokens < 0) {
            throw new IllegalArgumentException("Gemini context caching: minTokens must not be negative, was "
                    + minTokens);
        }
        if (ttl.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("Gemini context caching: ttl must be at least 1 minute, was " + ttl);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("Gemini context caching: maxEntries must be at least 1, was "
                    + maxEntries);
        }
    }

    /** Caching on, with the default threshold, lifetime and bound. */
    public static GeminiContextCaching on() {
        return new GeminiContextCaching(true, DEFAULT_MIN_TOKENS, DEFAULT_TTL, DEFAULT_MAX_ENTRIES);
    }

    /** These settings with another threshold. */
    public GeminiContextCaching withMinTokens(int tokens) {
        return new GeminiContextCaching(enabled, tokens, ttl, maxEntries);
    }

    /** These settings with another lifetime. */
    public GeminiContextCaching withTtl(Duration lifetime) {
        return new GeminiContextCaching(enabled, minTokens, lifetime, maxEntries);
    }
}
