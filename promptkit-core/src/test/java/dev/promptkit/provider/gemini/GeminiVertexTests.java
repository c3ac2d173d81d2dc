/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import static dev.promptkit.provider.http.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.duplex.DuplexSessionConfig;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderException.Kind;
import dev.promptkit.provider.http.FakeUpstream;
import dev.promptkit.provider.http.HttpProviderContract;
import dev.promptkit.provider.platform.Platform;
import dev.promptkit.provider.platform.VertexPlatform;
import dev.promptkit.provider.platform.google.FakeGoogleTokenServer;
import dev.promptkit.types.TokenUsage;
import java.time.Instant;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/**
 * Gemini on Vertex AI: the Gemini fixtures served at Vertex's {@code streamGenerateContent} path, authenticated with
 * bearer tokens that Google's auth library gets from a fake token endpoint for a service account's JSON key.
 */
class GeminiVertexTests extends HttpProviderContract<GeminiProvider, GeminiProvider.Builder> {

    @RegisterExtension
    final FakeGoogleTokenServer tokens = new FakeGoogleTokenServer();

    GeminiVertexTests() {
        super(GeminiProvider::builder, FakeUpstream.Framing.SSE, "/v1", null);
    }

    @Override
    protected GeminiProvider provider(UnaryOperator<GeminiProvider.Builder> customizer) {
        VertexPlatform vertex = tokens.vertex("my-project", "us-central1");
        return super.provider(builder -> customizer.apply(builder.platform(vertex)));
    }

    @Override
    protected TokenUsage helloUsage() {
        return TokenUsage.of(19, 10);
    }

    @Override
    protected void assertDocumentedRequest(RecordedRequest request) {
        assertThat(request.getTarget()).isEqualTo("/v1/projects/my-project/locations/us-central1/publishers/google/"
                + "models/gemini-3.6-flash:streamGenerateContent?alt=sse");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer ya29.fake-1");
        assertThat(request.getHeaders().get("x-goog-api-key")).isNull();
        assertThat(json(request.getBody().utf8())).isEqualTo(json("""
                {"contents": [{"role": "user", "parts": [{"text": "Hi"}]}],
                 "systemInstruction": {"parts": [{"text": "Be brief."}]}}"""));
        assertThat(tokens.grants()).singleElement().asString()
                .startsWith("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=ey");
    }

    @Override
    protected String providersMessage(JsonNode errorBody) {
        return errorBody.path("error").path("status").stringValue() + ": "
                + errorBody.path("error").path("message").stringValue();
    }

    @Test
    void reusesATokenUntilItIsAboutToExpire() throws InterruptedException {
        GeminiProvider provider = provider();

        assertThat(sent(provider, HELLO).getHeaders().get("Authorization")).isEqualTo("Bearer ya29.fake-1");
        assertThat(sent(provider, HELLO).getHeaders().get("Authorization")).isEqualTo("Bearer ya29.fake-1");
        assertThat(tokens.issued()).isOne();
    }

    @Test
    void refreshesATokenThatIsAboutToExpire() throws InterruptedException {
        tokens.expiresIn(60);
        GeminiProvider provider = provider();

        assertThat(sent(provider, HELLO).getHeaders().get("Authorization")).isEqualTo("Bearer ya29.fake-1");
        assertThat(sent(provider, HELLO).getHeaders().get("Authorization")).isEqualTo("Bearer ya29.fake-2");
        assertThat(tokens.issued()).isEqualTo(2);
    }

    @Test
    void failsWithoutARequestWhenNoTokenIsGranted() {
        tokens.refuse();

        StepVerifier.create(provider().stream(HELLO)).verifyErrorSatisfies(error -> {
            assertThat(error).isInstanceOf(ProviderException.class)
                    .hasMessageStartingWith(failed() + ": could not obtain credentials: ")
                    .hasMessageContaining("invalid_grant");
            assertThat(((ProviderException) error).kind()).isEqualTo(Kind.AUTHENTICATION);
        });
        assertThat(upstream.requestCount()).isZero();
    }

    @Test
    void reportsAForbiddenCallAsACredentialsProblem() {
        upstream.enqueue(upstream.error(403));

        StepVerifier.create(provider().stream(HELLO)).verifyErrorSatisfies(error -> assertThat(error)
                .hasMessageStartingWith(failed() + " (HTTP 403): the credentials are not permitted to make this "
                        + "request: PERMISSION_DENIED"));
    }

    @Test
    void refusesLiveSessionsAndOtherPlatforms() {
        StepVerifier.create(provider().openSession(new DuplexSessionConfig(null, null, null, null, null, null, false,
                null))).verifyErrorSatisfies(error -> assertThat(error)
                        .hasMessageContaining("Live sessions on Vertex AI are not supported"));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> GeminiProvider.builder()
                .platform(Platform.azure("https://r.openai.azure.com", "d", "2024-10-21"))))
                .hasMessage("Gemini is served on the platform vertex, not azure");
    }

    @Test
    void callsTheRegionalAndTheGlobalEndpoint() {
        assertThat(new VertexPlatform("p", "europe-west4", (uri, body) -> null).baseUrl())
                .isEqualTo("https://europe-west4-aiplatform.googleapis.com/v1");
        assertThat(new VertexPlatform("p", "global", (uri, body) -> null).baseUrl())
                .isEqualTo("https://aiplatform.googleapis.com/v1");
    }

    @Test
    void keepsTheCachedContentInThePlatformsProjectAndRegion() throws InterruptedException {
        GeminiProvider provider = provider(builder -> builder.contextCaching(GeminiContextCaching.on()
                .withMinTokens(1)));
        String name = "projects/my-project/locations/us-central1/cachedContents/4185209465";
        upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body("""
                {"name": "%s", "model": "projects/my-project/locations/us-central1/publishers/google/models/\
                gemini-3.6-flash", "expireTime": "%s"}""".formatted(name, Instant.now().plusSeconds(1800))).build());

        RecordedRequest create = sent(provider, HELLO);
        assertThat(create.getTarget()).isEqualTo("/v1/projects/my-project/locations/us-central1/cachedContents");
        assertThat(json(create.getBody().utf8()).path("model").asString())
                .isEqualTo("projects/my-project/locations/us-central1/publishers/google/models/gemini-3.6-flash");
        RecordedRequest generate = upstream.takeRequest();

        assertThat(json(generate.getBody().utf8())).isEqualTo(json("""
                {"contents": [{"role": "user", "parts": [{"text": "Hi"}]}], "cachedContent": "%s"}""".formatted(name)));
        assertThat(generate.getHeaders().get("Authorization")).isEqualTo("Bearer ya29.fake-1");
    }
}
