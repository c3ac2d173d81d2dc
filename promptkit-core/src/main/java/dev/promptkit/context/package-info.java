/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Context budgets: {@link dev.promptkit.context.ContextBudget} fits each request into a token budget (counted by a
 * {@link dev.promptkit.tokens.TokenCounter}) with a {@link dev.promptkit.context.Truncation} strategy: sliding
 * window, summary by a {@link dev.promptkit.context.Summarizer}, relevance by embeddings (an
 * {@link dev.promptkit.embedding.EmbeddingProvider}), or failure. A turn is fitted when it is prepared
 * ({@link dev.promptkit.pipeline.TurnPreparer}), set up by the conversation's context options.
 */
package dev.promptkit.context;
