/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The HTTP layer every HTTP service shares (chat providers, embedding providers, speech services): framing,
 * transport, errors, resilience and the request and stream pieces that several vendors have in common, written
 * once.
 *
 * <h2>What is here</h2>
 * <ul>
 * <li>{@link dev.promptkit.provider.http.HttpServiceBuilder} is the one builder every service extends: name,
 * model, settings and {@code WebClient}. {@link dev.promptkit.provider.http.HttpProvider} is the base of a chat
 * provider (its builder adds type, prices, answer limits and listener),
 * {@link dev.promptkit.provider.http.HttpEmbeddingProvider} that of an embedding provider (its
 * {@link dev.promptkit.provider.http.EmbeddingProviderBuilder} adds dimensions and batch size).</li>
 * <li>{@link dev.promptkit.provider.http.UnaryExchange} sends one request and reads its whole answer, for the unary
 * clients (embeddings, the HTTP tool executor).</li>
 * <li>{@link dev.promptkit.provider.http.StreamingHttpClient} POSTs the JSON body over Spring's
 * {@code WebClient} on Reactor Netty, with a connection pool per provider, and applies one
 * {@link dev.promptkit.provider.http.HttpProviderSettings}: the
 * {@link dev.promptkit.provider.http.ConcurrencyPolicy concurrency limit}, the idle timeout, and the
 * {@link dev.promptkit.provider.http.RetryPolicy pre-first-chunk retry} with its per-provider budget.
 * {@link dev.promptkit.provider.http.ProviderConnections} holds the pool (LIFO, closing idle and old connections)
 * and sends a request that met a connection the server had already closed again, once, on a new connection.
 * Non-2xx responses become {@link dev.promptkit.provider.ProviderException}s carrying the status and the
 * provider's own message, and the wait it asks for; what the layer decided is reported to a
 * {@link dev.promptkit.provider.http.ProviderCallListener}.</li>
 * <li>{@link dev.promptkit.provider.http.SseEventReader} and {@link dev.promptkit.provider.http.NdjsonReader}
 * turn a streamed body into events or JSON lines, whatever the buffer boundaries, with bounded lines.</li>
 * <li>For decoders: {@link dev.promptkit.provider.http.StreamJson} parses payloads and words in-stream
 * failures; {@link dev.promptkit.provider.http.EndMarkedStreamDecoder} handles streams that end with a
 * marker.</li>
 * <li>For encoders: {@link dev.promptkit.provider.http.ParameterFields} names the sampling parameters,
 * {@link dev.promptkit.provider.http.ToolDeclarations} and
 * {@link dev.promptkit.provider.http.ChatCompletionsShape} write tools and chat bodies,
 * {@link dev.promptkit.provider.http.MediaSource} finds a media part's bytes.</li>
 * </ul>
 *
 * <h2>Writing a provider on this layer</h2>
 * <ol>
 * <li>Extend {@code HttpProvider}; its builder extends {@code HttpProvider.Builder} with the type, default
 * model, default base URL, prices and the provider's constructor, plus any option of the vendor's own.</li>
 * <li>Pass an {@link dev.promptkit.provider.http.ErrorMessageExtractor} for the vendor's error body
 * (usually {@code ErrorMessageExtractor.jsonPointer("/error/message")}).</li>
 * <li>Write a request encoder: {@code ProviderRequest} to the vendor's JSON body
 * ({@code tools.jackson} {@code ObjectNode}).</li>
 * <li>Write a {@link dev.promptkit.provider.http.StreamDecoder}: one instance per attempt, turning each
 * {@code SseEvent} (or NDJSON line) into zero or more {@code ProviderChunk}s, keeping tool-call fragments
 * until they are complete, emitting exactly one finish chunk with the usage, and throwing a
 * {@code ProviderException} for an in-stream error or an unreadable event.</li>
 * <li>In {@code send}, build a {@link dev.promptkit.provider.http.StreamRequest} (path, query,
 * authentication headers from {@code apiKeyHeader}, body) and return
 * {@code http().streamSse(request, MyDecoder::new)} (or {@code streamNdjson}).</li>
 * <li>Test against a fake upstream on loopback with fixtures copied from the vendor's API reference, by
 * extending the shared provider contract test.</li>
 * </ol>
 * Put API keys in headers, never in the URL: request URLs may appear in debug logs and exception causes.
 *
 * <p><strong>Internal:</strong> not part of PromptKit's supported API (see "Public API" in the README); it
 * may change in any release without notice.
 */
package dev.promptkit.provider.http;
