/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

/**
 * Tokens a provider reported for one call. {@code inputTokens} excludes {@code cachedTokens} (read from
 * the prompt cache) and {@code cacheWriteTokens} (written to it); {@code outputTokens} includes
 * {@code reasoningTokens}.
 *
 * @since 0.1.0
 */
public record TokenUsage(long inputTokens, long outputTokens, long cachedTokens, long cacheWriteTokens,
        long reasoningTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0, 0);

    public static TokenUsage of(long inputTokens, long outputTokens) {
        return new TokenUsage(inputTokens, outputTokens, 0, 0, 0);
    }

    public long totalTokens() {
        return inputTokens + cachedTokens + cacheWriteTokens + outputTokens;
    }
}
