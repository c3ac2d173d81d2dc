/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.context;

import dev.promptkit.embedding.EmbeddingProvider;
import dev.promptkit.tokens.TokenCounter;
import dev.promptkit.tokens.TokenCounters;
import dev.promptkit.types.Message;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * A token budget for each request of a conversation, and the {@link Truncation} applied when a request does
 * not fit. The messages get what the budget leaves once the answer and the system prompt are provided for:
 * {@code available = budget − reserve for output − system prompt tokens}, where the reserve is the request's
 * {@code max_tokens}, else {@value #DEFAULT_RESERVE_FOR_OUTPUT}. Tokens are counted by
 * {@link TokenCounters#forModel(String)}, each message with its overhead; tool definitions are not counted.
 *
 * <p>Only what is sent is changed: the caller's list (and a conversation's stored history) stays whole.
 * Thread-safe; one instance serves every turn of every conversation opened with it.
 *
 * @since 0.1.0
 */
public final class ContextBudget {

    /** The tokens kept free for the answer when the request sets no {@code max_tokens}. */
    public static final int DEFAULT_RESERVE_FOR_OUTPUT = 1024;

    private final int maxTokens;
    private final Truncation truncation;
    private final Function<ContextWindow, Mono<FittedContext>> strategy;

    private ContextBudget(int maxTokens, Truncation truncation, Function<ContextWindow, Mono<FittedContext>> strategy) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("a token budget must be positive, was " + maxTokens);
        }
        this.maxTokens = maxTokens;
        this.truncation = truncation;
        this.strategy = strategy;
    }

    /** Drops the oldest messages until the request fits ({@link Truncation#SLIDING}). */
    public static ContextBudget sliding(int maxTokens) {
        return new ContextBudget(maxTokens, Truncation.SLIDING, window -> Mono.just(SlidingWindow.fit(window, null)));
    }

    /** Replaces older messages with a summary ({@link Truncation#SUMMARIZE}). */
    public static ContextBudget summarizing(int maxTokens, Summarizer summarizer) {
        SummaryTruncation summary = new SummaryTruncation(Objects.requireNonNull(summarizer, "summarizer"));
        return new ContextBudget(maxTokens, Truncation.SUMMARIZE, summary::fit);
    }

    /** Keeps the older messages most relevant to a query ({@link Truncation#RELEVANCE}). */
    public static ContextBudget relevance(int maxTokens, EmbeddingProvider embeddings, RelevanceConfig config) {
        RelevanceTruncation relevance = new RelevanceTruncation(Objects.requireNonNull(embeddings, "embeddings"),
                Objects.requireNonNull(config, "config"));
        return new ContextBudget(maxTokens, Truncation.RELEVANCE, relevance::fit);
    }

    /** Fails a request that does not fit ({@link Truncation#FAIL}). */
    public static ContextBudget failing(int maxTokens) {
        return new ContextBudget(maxTokens, Truncation.FAIL, window -> Mono.error(window.exceeded(true)));
    }

    public int maxTokens() {
        return maxTokens;
    }

    public Truncation truncation() {
        return truncation;
    }

    /**
     * Chooses the messages to send.
     *
     * @param messages the conversation, oldest first, without the system prompt
     * @param systemPrompt the rendered system prompt, or {@code null}
     * @param model the model asked for, which picks the token counter
     * @param maxOutputTokens the request's {@code max_tokens}, or {@code null}
     * @return the messages to send; a {@link ContextBudgetExceededException} when they cannot fit
     */
    public Mono<FittedContext> fit(List<Message> messages, String systemPrompt, String model,
            Integer maxOutputTokens) {
        return Mono.defer(() -> {
            TokenCounter counter = TokenCounters.forModel(model);
            int reserve = maxOutputTokens != null && maxOutputTokens > 0 ? maxOutputTokens : DEFAULT_RESERVE_FOR_OUTPUT;
            int systemTokens = systemPrompt == null || systemPrompt.isBlank() ? 0
                    : counter.count(systemPrompt) + TokenCounter.MESSAGE_OVERHEAD;
            ContextWindow window = new ContextWindow(messages, counter, truncation, maxTokens, reserve, systemTokens);
            if (window.fitsWhole()) {
                return Mono.just(window.unchanged());
            }
            if (truncation != Truncation.FAIL && window.spaceForOlder() < 0) {
                return Mono.error(window.exceeded(false));
            }
            return strategy.apply(window);
        });
    }

    @Override
    public String toString() {
        return "ContextBudget[" + maxTokens + " tokens, " + truncation + "]";
    }
}
