/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Text embeddings for {@link dev.promptkit.context.Truncation#RELEVANCE}: the
 * {@link dev.promptkit.context.embedding.EmbeddingProvider} SPI and its OpenAI and Gemini implementations,
 * unary JSON calls over Spring's {@code WebClient} on the chat providers' kind of connection pool, configured with
 * {@link dev.promptkit.provider.http.HttpProviderSettings}.
 */
package dev.promptkit.context.embedding;
