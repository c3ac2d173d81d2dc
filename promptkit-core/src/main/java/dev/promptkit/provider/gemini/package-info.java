/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The Gemini provider: the Gemini Developer API's {@code streamGenerateContent} over server-sent events.
 * {@link dev.promptkit.provider.gemini.GeminiProvider} is the entry point and
 * {@link dev.promptkit.provider.gemini.GeminiPricing} holds the dated default prices.
 * Its embeddings ({@link dev.promptkit.provider.gemini.GeminiEmbeddingProvider}) and Live sessions are here too.
 */
package dev.promptkit.provider.gemini;
