/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Text embeddings, vendor-neutral: the {@link dev.promptkit.embedding.EmbeddingProvider} SPI that
 * {@link dev.promptkit.context.Truncation#RELEVANCE} uses to rank messages. The built-in implementations live with
 * their vendor ({@link dev.promptkit.provider.openai.OpenAiEmbeddingProvider},
 * {@link dev.promptkit.provider.gemini.GeminiEmbeddingProvider}); an application may bring its own.
 */
package dev.promptkit.embedding;
