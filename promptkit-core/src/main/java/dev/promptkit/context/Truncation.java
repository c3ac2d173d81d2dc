/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.context;

/**
 * What a {@link ContextBudget} does when a conversation does not fit its token budget. Every strategy keeps
 * the system prompt, system-role messages and the current exchange (the latest user message and what
 * follows it), and drops an assistant tool-call message only together with its tool results.
 *
 * @since 0.1.0
 */
public enum Truncation {

    /** Drops the oldest messages until the rest fits. The default. */
    SLIDING,

    /**
     * Keeps the newest messages that fit in half the budget and replaces the older ones with one system
     * message, {@code [Summary of N earlier messages]: ...}, written by a {@link Summarizer}. Falls back to
     * {@link #SLIDING} when the summarizer fails or its summary does not fit.
     */
    SUMMARIZE,

    /**
     * Keeps the most recent messages, then the older messages most similar to a query (by the cosine
     * similarity of their embeddings) as long as they fit, in their original order; see
     * {@link RelevanceConfig}. Falls back to {@link #SLIDING} when embedding fails.
     */
    RELEVANCE,

    /** Sends nothing and fails the turn with a {@link ContextBudgetExceededException}. */
    FAIL
}
