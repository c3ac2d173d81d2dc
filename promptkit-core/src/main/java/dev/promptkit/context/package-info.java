/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Token counting and token budgets.
 *
 * <ul>
 * <li>{@link dev.promptkit.tokens.TokenCounter}, chosen per model by
 * {@link dev.promptkit.tokens.TokenCounters#forModel(String)}: OpenAI's own encodings for OpenAI models, the
 * {@link dev.promptkit.tokens.CharacterRatioTokenCounter} estimate for the rest.</li>
 * <li>{@link dev.promptkit.context.ContextBudget}: fits each request into a token budget with a
 * {@link dev.promptkit.context.Truncation} strategy (sliding window, summary by a
 * {@link dev.promptkit.context.Summarizer}, relevance by embeddings, or failure). The pipeline applies it in
 * {@link dev.promptkit.pipeline.ContextBudgetStage}, set up by {@code ConversationOptions.tokenBudget(n)}.</li>
 * </ul>
 */
package dev.promptkit.context;
