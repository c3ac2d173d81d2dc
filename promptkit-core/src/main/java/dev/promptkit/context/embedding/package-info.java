/**
 * Text embeddings for {@link dev.promptkit.context.Truncation#RELEVANCE}: the
 * {@link dev.promptkit.context.embedding.EmbeddingProvider} SPI and its OpenAI and Gemini implementations,
 * unary JSON calls over Spring's {@code WebClient} on the chat providers' kind of connection pool, configured with
 * {@link dev.promptkit.provider.http.HttpProviderSettings}.
 */
package dev.promptkit.context.embedding;
