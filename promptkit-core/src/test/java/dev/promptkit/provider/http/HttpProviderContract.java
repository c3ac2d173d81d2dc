/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import static dev.promptkit.provider.http.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.UnsupportedMediaException;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.Message;
import dev.promptkit.types.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/**
 * What every HTTP provider must do against its vendor's wire format, and the helpers its test needs for the
 * rest. A provider's test extends it, names its builder, framing, base path and API key, and plugs in its
 * fixtures: {@code text.sse} (or {@code text.ndjson}) answering "Hello", "! Crème brûlée 🍮", " or 寿司?",
 * and {@code errors/<status>.json} bodies.
 *
 * @param <P> the provider
 * @param <B> its builder
 */
public abstract class HttpProviderContract<P extends HttpProvider, B extends HttpProvider.Builder<B, P>> {

    /** Retries after 1 to 5 ms, honouring Retry-After up to 5 ms, without a budget. */
    public static final RetryPolicy QUICK_RETRIES = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofMillis(5), 0, 0);

    /** A WAV file of no samples (its header only) and the first line of a PDF, as base64, for media requests. */
    protected static final String WAV_BASE64 = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=";
    protected static final String PDF_BASE64 = "JVBERi0xLjQK";

    protected static final ProviderRequest HELLO = ProviderRequest.of(null, "Be brief.", List.of(Message.user("Hi")));

    @RegisterExtension
    protected final FakeUpstream upstream;
    protected final RecordingListener listener = new RecordingListener();

    private final Supplier<B> builders;
    private final String basePath;
    private final String apiKey;
    private final String textFixture;
    private final List<P> providers = new ArrayList<>();

    /**
     * @param builders a new builder of the provider
     * @param framing how the vendor streams
     * @param basePath the base URL's path on the fake upstream ({@code /v1}, {@code /})
     * @param apiKey the key the tests configure, or {@code null} for none
     */
    protected HttpProviderContract(Supplier<B> builders, FakeUpstream.Framing framing, String basePath,
            String apiKey) {
        this(builders, framing, basePath, apiKey, framing == FakeUpstream.Framing.SSE ? "text.sse" : "text.ndjson");
    }

    /**
     * For a second wire format of one vendor, whose fixtures sit beside the first's: the same, with the text fixture
     * named (a path relative to the test's package, such as {@code responses/text.sse}).
     */
    protected HttpProviderContract(Supplier<B> builders, FakeUpstream.Framing framing, String basePath,
            String apiKey, String textFixture) {
        this.upstream = new FakeUpstream(getClass(), framing);
        this.builders = builders;
        this.basePath = basePath;
        this.apiKey = apiKey;
        this.textFixture = textFixture;
    }

    /** The usage the text fixture reports. */
    protected abstract TokenUsage helloUsage();

    /** Checks what only this vendor's request for {@link #HELLO} holds: path, authentication, body. */
    protected abstract void assertDocumentedRequest(RecordedRequest request);

    /** The message the vendor's error body holds, as the provider reports it. */
    protected abstract String providersMessage(JsonNode errorBody);

    @AfterEach
    void closeProviders() {
        providers.forEach(HttpProvider::close);
    }

    @Test
    void streamsTheTextAnswerAndSendsTheDocumentedRequest() throws InterruptedException {
        assertThat(answer(upstream.streamFixture(textFixture))).isEqualTo(helloAnswer());

        RecordedRequest request = upstream.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("Accept")).isEqualTo(upstream.contentType());
        assertDocumentedRequest(request);
    }

    @Test
    void decodesTextWhoseBytesArriveSplitAtOddBoundariesAndInsideCharacters() {
        assertThat(answer(upstream.streamInOddChunks(textFixture))).isEqualTo(helloAnswer());
    }

    @Test
    void startsFromTheWebClientBuilderItIsGiven() throws InterruptedException {
        P provider = provider(builder -> builder.webClient(WebClient.builder().defaultHeader("X-Client", "boot")));

        assertThat(sent(provider, HELLO).getHeaders().get("X-Client")).isEqualTo("boot");
    }

    @Test
    void failsAtOnceWhenClosed() {
        P provider = provider();
        provider.close();

        StepVerifier.create(provider.stream(HELLO))
                .verifyErrorMessage("Provider '" + provider.name() + "' failed: the provider is closed");
        assertThat(upstream.requestCount()).isZero();
    }

    /** The provider under test, built with {@link #settings()} and the recording listener. */
    protected P provider() {
        return provider(UnaryOperator.identity());
    }

    /** The provider under test, its builder customised after the settings and listener were set. */
    protected P provider(UnaryOperator<B> customizer) {
        P provider = customizer.apply(builders.get().settings(settings().build()).listener(listener)).build();
        providers.add(provider);
        return provider;
    }

    /** Settings for the fake upstream: its base URL, the API key and quick retries. */
    protected HttpProviderSettings.Builder settings() {
        return HttpProviderSettings.builder().baseUrl(upstream.url(basePath)).apiKey(apiKey).retry(QUICK_RETRIES);
    }

    /** What the text fixture answers. */
    protected List<ProviderChunk> helloAnswer() {
        return List.of(ProviderChunk.text("Hello"), ProviderChunk.text("! Crème brûlée 🍮"),
                ProviderChunk.text(" or 寿司?"), ProviderChunk.finish("stop", helloUsage()));
    }

    /** The whole answer of {@link #provider()} to {@link #HELLO} when the upstream sends {@code responses}. */
    protected List<ProviderChunk> answer(MockResponse... responses) {
        upstream.enqueue(responses);
        return provider().stream(HELLO).collectList().block(Duration.ofSeconds(10));
    }

    /** The request {@code provider} sends for {@code request}, answered with the text fixture. */
    protected RecordedRequest sent(P provider, ProviderRequest request) throws InterruptedException {
        upstream.enqueue(upstream.streamFixture(textFixture));
        StepVerifier.create(provider.stream(request)).expectNextCount(helloAnswer().size()).verifyComplete();
        return upstream.takeRequest();
    }

    /** A request to {@code model}, without a system prompt, of one user message: {@code text} and {@code parts}. */
    protected static ProviderRequest userMessage(String model, String text, ContentPart... parts) {
        return ProviderRequest.of(model, null, List.of(Message.user(text, List.of(parts))));
    }

    /** Checks that {@link #provider()} sends for {@code request} the bytes of the request fixture {@code name}. */
    protected void assertSendsFixture(ProviderRequest request, String name) throws InterruptedException {
        assertThat(sent(provider(), request).getBody().utf8()).isEqualTo(upstream.requestFixture(name));
    }

    /**
     * Checks that a request to {@code model} whose third message has {@code part} as its second part fails before
     * any call with an {@link UnsupportedMediaException} naming them and ending in {@code reason}.
     */
    protected void assertRefused(String model, ContentPart part, String reason) {
        ProviderRequest request = ProviderRequest.of(model, null, List.of(Message.user("Hi"),
                Message.assistant("Hello!"), Message.user("And this?", List.of(ContentPart.text("Look:"), part))));
        StepVerifier.create(provider().stream(request)).verifyErrorSatisfies(error -> assertThat(error)
                .isInstanceOfSatisfying(UnsupportedMediaException.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(ProviderException.Kind.BAD_REQUEST);
                    assertThat(refused.retryable()).isFalse();
                    assertThat(refused.model()).isEqualTo(model);
                    assertThat(refused.messageIndex()).isEqualTo(2);
                    assertThat(refused.partIndex()).isEqualTo(1);
                    assertThat(refused.mimeType()).isEqualTo(part.media().mimeType());
                })
                .hasMessage(failed() + ": model " + model + " cannot take messages[2].parts[1] (" + reason));
        assertThat(upstream.requestCount()).isZero();
    }

    /** The body {@link #provider()} sends for {@code request}. */
    protected JsonNode sentBody(ProviderRequest request) throws InterruptedException {
        return sentBody(provider(), request);
    }

    /** The body {@code provider} sends for {@code request}. */
    protected JsonNode sentBody(P provider, ProviderRequest request) throws InterruptedException {
        return json(sent(provider, request).getBody().utf8());
    }

    /**
     * The failure {@link #provider()} reports after emitting {@code before} when the upstream sends
     * {@code response}, having checked that it is a {@link ProviderException} and was not retried, although the
     * upstream would have answered a retry.
     */
    protected ProviderException failure(MockResponse response, ProviderChunk... before) {
        upstream.enqueue(response, upstream.streamFixture(textFixture));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        StepVerifier.create(provider().stream(HELLO)).expectNext(before).verifyErrorSatisfies(failure::set);
        assertThat(failure.get()).isInstanceOf(ProviderException.class);
        assertThat(upstream.requestCount()).isOne();
        assertThat(listener.heard()).isEmpty();
        return (ProviderException) failure.get();
    }

    /** The failure after the first text chunk, see {@link #failure(MockResponse, ProviderChunk...)}. */
    protected ProviderException failureAfterHello(MockResponse response) {
        return failure(response, helloAnswer().get(0));
    }

    /** Checks that a cut connection fails the answer after the chunks sent, naming the cause, never the key. */
    protected void assertFailsWhenCutAfter(String events) {
        ProviderException failure = failure(upstream.cutAfter(events), helloAnswer().get(0), helloAnswer().get(1));
        assertThat(failure).hasMessageStartingWith(failed() + ": the connection failed before the response was"
                + " complete");
        assertNoKeyIn(failure);
    }

    /**
     * Checks that a body ending after {@code events}, which hold the first {@code chunks} chunks of the text
     * answer, fails as incomplete.
     */
    protected void assertFailsAsIncompleteAfter(String events, int chunks) {
        ProviderChunk[] before = helloAnswer().subList(0, chunks).toArray(ProviderChunk[]::new);
        assertThat(failure(upstream.stream(events), before))
                .hasMessage(failed() + ": the stream ended before the response was complete");
    }

    /**
     * Checks that the error fixture of {@code status} fails the call, unretried, with the status, the message
     * {@link #providersMessage} finds (after what the key problem of a 401 or 403 is), whether it may be
     * retried, and never the API key.
     */
    protected void assertReportsDocumentedError(int status) throws InterruptedException {
        String keyProblem = status == 401 ? "the API key is invalid or revoked: "
                : status == 403 ? "the API key is not permitted to make this request: " : "";
        String expected = failed() + " (HTTP " + status + "): " + keyProblem
                + providersMessage(json(upstream.fixture("errors/" + status + ".json")));
        upstream.enqueue(upstream.error(status));

        StepVerifier.create(provider(builder -> builder.settings(settings().retry(RetryPolicy.DISABLED).build()))
                .stream(HELLO))
                .verifyErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ProviderException.class).hasMessage(expected);
                    assertThat(((ProviderException) error).statusCode()).isEqualTo(status);
                    assertThat(((ProviderException) error).kind()).isEqualTo(ProviderException.Kind.ofStatus(status));
                    assertThat(((ProviderException) error).retryable()).isEqualTo(status == 429 || status >= 500);
                    assertNoKeyIn(error);
                });
        if (apiKey != null) {
            assertThat(upstream.takeRequest().getTarget()).doesNotContain(apiKey);
        }
    }

    /** Checks that {@code failure}, answered before the first chunk, is retried once with the same body. */
    protected void assertRetriedOnceAfter(MockResponse failure, int status) throws InterruptedException {
        assertThat(answer(failure, upstream.streamFixture(textFixture))).isEqualTo(helloAnswer());

        assertThat(listener.heard()).containsExactly("retry 1 after HTTP " + status);
        assertThat(upstream.requestCount()).isEqualTo(2);
        assertThat(upstream.takeRequest().getBody()).isEqualTo(upstream.takeRequest().getBody());
    }

    /** {@code Provider '<name>' failed}, as every failure of the provider starts. */
    protected String failed() {
        return "Provider '" + provider().name() + "' failed";
    }

    private void assertNoKeyIn(Throwable failure) {
        if (apiKey != null) {
            assertThat(failure).hasMessageNotContaining(apiKey);
        }
    }
}
