/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.context.ContextBudget;
import dev.promptkit.context.RelevanceConfig;
import dev.promptkit.context.Summarizer;
import dev.promptkit.context.Truncation;
import dev.promptkit.embedding.EmbeddingProvider;
import java.util.Objects;

/**
 * How much of a conversation is sent with each request: part of {@link ConversationOptions}. With a token budget,
 * every request is fitted into it, answer included (see {@link ContextBudget}); only what is sent is cut, the stored
 * history stays complete. Change it with
 * {@code ConversationOptions.builder().context(context -> context.withTokenBudget(8000).withTruncation(...))}.
 *
 * @param tokenBudget the token budget of each request; 0 for none
 * @param truncation what is done when a request does not fit the budget
 * @param relevance how {@link Truncation#RELEVANCE} chooses older messages
 * @param summarizer who writes summaries for {@link Truncation#SUMMARIZE}; {@code null} for a
 *     {@link dev.promptkit.context.ProviderSummarizer} on the conversation's own provider and model
 * @param embeddingProvider the embeddings {@link Truncation#RELEVANCE} compares messages with; that strategy needs
 *     one
 *
 * @since 0.1.0
 */
public record ContextOptions(int tokenBudget, Truncation truncation, RelevanceConfig relevance, Summarizer summarizer,
        EmbeddingProvider embeddingProvider) {

    /** No budget; once one is set, the sliding window. */
    public static final ContextOptions DEFAULTS = new ContextOptions(0, Truncation.SLIDING, RelevanceConfig.DEFAULTS,
            null, null);

    public ContextOptions {
        OptionValues.atLeast(tokenBudget, 0, "tokenBudget");
        Objects.requireNonNull(truncation, "truncation");
        Objects.requireNonNull(relevance, "relevance");
    }

    /** These options with a budget of {@code maxTokens} per request, answer included. */
    public ContextOptions withTokenBudget(int maxTokens) {
        return new ContextOptions(OptionValues.atLeast(maxTokens, 1, "tokenBudget"), truncation, relevance, summarizer,
                embeddingProvider);
    }

    /** What is done when a request does not fit the budget; {@link Truncation#SLIDING} by default. */
    public ContextOptions withTruncation(Truncation strategy) {
        return new ContextOptions(tokenBudget, strategy, relevance, summarizer, embeddingProvider);
    }

    public ContextOptions withRelevance(RelevanceConfig config) {
        return new ContextOptions(tokenBudget, truncation, config, summarizer, embeddingProvider);
    }

    public ContextOptions withSummarizer(Summarizer writer) {
        return new ContextOptions(tokenBudget, truncation, relevance, Objects.requireNonNull(writer, "summarizer"),
                embeddingProvider);
    }

    public ContextOptions withEmbeddingProvider(EmbeddingProvider embeddings) {
        return new ContextOptions(tokenBudget, truncation, relevance, summarizer,
                Objects.requireNonNull(embeddings, "embeddingProvider"));
    }

    /** Whether a budget is set. */
    public boolean budgeted() {
        return tokenBudget > 0;
    }
}
