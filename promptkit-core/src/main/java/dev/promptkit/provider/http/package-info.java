/**
 * The HTTP layer every HTTP provider shares: framing, transport, errors and resilience, written once.
 *
 * <h2>What is here</h2>
 * <ul>
 * <li>{@link dev.promptkit.provider.http.SseEventReader} and {@link dev.promptkit.provider.http.NdjsonReader}
 * turn a streamed body into events or JSON lines, whatever the buffer boundaries, with bounded lines.</li>
 * <li>{@link dev.promptkit.provider.http.StreamingHttpClient} POSTs the JSON body over Spring's
 * {@code WebClient} and applies one {@link dev.promptkit.provider.http.HttpProviderSettings}: the
 * {@link dev.promptkit.provider.http.ConcurrencyPolicy concurrency limit}, the idle timeout, and the
 * {@link dev.promptkit.provider.http.RetryPolicy pre-first-chunk retry} with its per-provider budget.
 * Non-2xx responses become {@link dev.promptkit.provider.ProviderException}s carrying the status and the
 * provider's own message; what the layer decided is reported to a
 * {@link dev.promptkit.provider.http.ProviderCallListener}.</li>
 * </ul>
 *
 * <h2>Writing a provider on this layer</h2>
 * <ol>
 * <li>Resolve the settings with the vendor's default base URL:
 * {@code settings.withDefaultBaseUrl("https://api.anthropic.com")}.</li>
 * <li>Create one {@code StreamingHttpClient} per provider instance, with an
 * {@link dev.promptkit.provider.http.ErrorMessageExtractor} for the vendor's error body (usually
 * {@code ErrorMessageExtractor.jsonPointer("/error/message")}; Ollama's is {@code "/error"}).</li>
 * <li>Write a request encoder: {@code ProviderRequest} to the vendor's JSON body
 * ({@code tools.jackson} {@code ObjectNode}).</li>
 * <li>Write a {@link dev.promptkit.provider.http.StreamDecoder}: one instance per attempt, turning each
 * {@code SseEvent} (or NDJSON line) into zero or more {@code ProviderChunk}s, keeping tool-call fragments
 * until they are complete, emitting exactly one finish chunk with the usage, and throwing a
 * {@code ProviderException} for an in-stream error or an unreadable event.</li>
 * <li>In {@code Provider.stream}, build a {@link dev.promptkit.provider.http.StreamRequest} (path, query,
 * authentication headers, body) inside {@code Flux.defer} and return
 * {@code http.streamSse(request, MyDecoder::new)} (or {@code streamNdjson}).</li>
 * <li>Test against a fake upstream on loopback ({@code mockwebserver3}) with fixtures copied from the
 * vendor's API reference; the OpenAI provider's tests show each case.</li>
 * </ol>
 * Put API keys in headers, never in the URL: request URLs may appear in debug logs and exception causes.
 */
package dev.promptkit.provider.http;
