/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.context;

import java.util.Objects;

/**
 * How {@link Truncation#RELEVANCE} chooses older messages.
 *
 * @param minRecentMessages how many of the newest messages are kept whatever their relevance (when they fit)
 * @param similarityThreshold the lowest cosine similarity an older message needs to be considered
 * @param querySource what the older messages are compared with
 * @param lastN with {@link QuerySource#LAST_N}, how many of the newest messages make up the query
 * @param customQuery with {@link QuerySource#CUSTOM}, the query text
 *
 * @since 0.1.0
 */
public record RelevanceConfig(int minRecentMessages, double similarityThreshold, QuerySource querySource, int lastN,
        String customQuery) {

    /** At least 3 recent messages, no threshold, the latest user message as the query. */
    public static final RelevanceConfig DEFAULTS = new RelevanceConfig(3, 0.0, QuerySource.LAST_USER, 3, null);

    /** What the older messages are compared with. */
    public enum QuerySource {
        /** The text of the latest user message. */
        LAST_USER,
        /** The texts of the {@code lastN} newest messages. */
        LAST_N,
        /** A fixed text. */
        CUSTOM
    }

    public RelevanceConfig {
        Objects.requireNonNull(querySource, "querySource");
        if (minRecentMessages < 0) {
            throw new IllegalArgumentException("minRecentMessages must not be negative, was " + minRecentMessages);
        }
        if (similarityThreshold < -1 || similarityThreshold > 1) {
            throw new IllegalArgumentException("similarityThreshold must be within [-1, 1], was "
                    + similarityThreshold);
        }
        if (lastN < 1) {
            throw new IllegalArgumentException("lastN must be at least 1, was " + lastN);
        }
        if (querySource == QuerySource.CUSTOM && (customQuery == null || customQuery.isBlank())) {
            throw new IllegalArgumentException("a CUSTOM query source needs a customQuery");
        }
    }

    public RelevanceConfig withMinRecentMessages(int count) {
        return new RelevanceConfig(count, similarityThreshold, querySource, lastN, customQuery);
    }

    public RelevanceConfig withSimilarityThreshold(double threshold) {
        return new RelevanceConfig(minRecentMessages, threshold, querySource, lastN, customQuery);
    }

    /** Compares older messages with the {@code count} newest messages. */
    public RelevanceConfig withLastN(int count) {
        return new RelevanceConfig(minRecentMessages, similarityThreshold, QuerySource.LAST_N, count, null);
    }

    /** Compares older messages with a fixed text. */
    public RelevanceConfig withCustomQuery(String query) {
        return new RelevanceConfig(minRecentMessages, similarityThreshold, QuerySource.CUSTOM, lastN, query);
    }
}
