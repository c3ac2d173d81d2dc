/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import static dev.promptkit.provider.http.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderException.Kind;
import dev.promptkit.provider.http.FakeUpstream;
import dev.promptkit.provider.http.HttpProviderContract;
import dev.promptkit.provider.platform.AzurePlatform;
import dev.promptkit.provider.platform.Platform;
import dev.promptkit.provider.platform.azure.AzureTokenAuthenticator;
import dev.promptkit.types.TokenUsage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI models on Azure OpenAI: the deployment's {@code chat/completions} path and {@code api-version} built from
 * the resource endpoint, with Microsoft Entra ID bearer tokens of a {@link TokenCredential} (a stand-in for
 * {@code DefaultAzureCredential} that issues numbered tokens), or with the resource's API key.
 */
class OpenAiAzureTests extends HttpProviderContract<OpenAiProvider, OpenAiProvider.Builder> {

    private final Credential credential = new Credential();

    OpenAiAzureTests() {
        super(OpenAiProvider::builder, FakeUpstream.Framing.SSE, "/", null);
    }

    @Override
    protected OpenAiProvider provider(UnaryOperator<OpenAiProvider.Builder> customizer) {
        AzurePlatform azure = new AzurePlatform(upstream.url("/"), "gpt-4o-prod", "2024-10-21",
                AzureTokenAuthenticator.of(credential));
        return super.provider(builder -> customizer.apply(builder.platform(azure)
                .settings(settings().baseUrl(null).build())));
    }

    @Override
    protected TokenUsage helloUsage() {
        return TokenUsage.of(19, 10);
    }

    @Override
    protected void assertDocumentedRequest(RecordedRequest request) {
        assertThat(request.getTarget())
                .isEqualTo("/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer entra-token-1");
        assertThat(request.getHeaders().get("api-key")).isNull();
        assertThat(json(request.getBody().utf8()).path("messages")).isEqualTo(json("""
                [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]"""));
        assertThat(credential.scopes).containsExactly(List.of("https://cognitiveservices.azure.com/.default"));
    }

    @Override
    protected String providersMessage(JsonNode errorBody) {
        return errorBody.at("/error/message").stringValue();
    }

    @Test
    void reusesATokenUntilFiveMinutesBeforeItExpires() throws InterruptedException {
        OpenAiProvider provider = provider();

        assertThat(sent(provider, HELLO).getHeaders().get("Authorization")).isEqualTo("Bearer entra-token-1");
        assertThat(sent(provider, HELLO).getHeaders().get("Authorization")).isEqualTo("Bearer entra-token-1");
        credential.validFor = Duration.ofMinutes(4);
        OpenAiProvider shortLived = provider();
        assertThat(sent(shortLived, HELLO).getHeaders().get("Authorization")).isEqualTo("Bearer entra-token-2");
        assertThat(sent(shortLived, HELLO).getHeaders().get("Authorization")).isEqualTo("Bearer entra-token-3");
    }

    @Test
    void sendsTheResourceApiKeyWithoutEntraId() throws InterruptedException {
        OpenAiProvider keyed = super.provider(builder -> builder.platform(Platform.azure(upstream.url("/"),
                "gpt-4o-prod", "2024-10-21")).settings(settings().baseUrl(null).apiKey("azure-key-0123456789").build()));

        RecordedRequest request = sent(keyed, HELLO);

        assertThat(request.getTarget())
                .isEqualTo("/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21");
        assertThat(request.getHeaders().get("api-key")).isEqualTo("azure-key-0123456789");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(credential.scopes).isEmpty();
    }

    @Test
    void failsWithoutARequestWhenTheCredentialGivesNoToken() {
        credential.failure = new IllegalStateException("DefaultAzureCredential failed to retrieve a token from the "
                + "included credentials.");

        StepVerifier.create(provider().stream(HELLO)).verifyErrorSatisfies(error -> {
            assertThat(error).isInstanceOf(ProviderException.class).hasMessage(failed() + ": could not obtain "
                    + "credentials: DefaultAzureCredential failed to retrieve a token from the included credentials.");
            assertThat(((ProviderException) error).kind()).isEqualTo(Kind.AUTHENTICATION);
        });
        assertThat(upstream.requestCount()).isZero();
    }

    @Test
    void aTokenQuotedByTheUpstreamIsMasked() {
        upstream.enqueue(new mockwebserver3.MockResponse.Builder().code(401)
                .addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"code\":\"401\",\"message\":\"Token entra-token-1 has expired.\"}}").build());

        StepVerifier.create(provider().stream(HELLO)).verifyErrorSatisfies(error -> assertThat(error)
                .hasMessage(failed() + " (HTTP 401): the credentials were refused (invalid, expired or revoked): "
                        + "Token [redacted] has expired."));
    }

    @Test
    void refusesPlatformsThatDoNotServeOpenAiModels() {
        assertThat(catchThrowable(() -> OpenAiProvider.builder().platform(Platform.vertex("p", "us-central1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OpenAI models are served on the platform azure, not vertex");
    }

    /** Issues {@code entra-token-<n>}, valid for {@link #validFor}, and records the scopes asked for. */
    private static final class Credential implements TokenCredential {

        final List<List<String>> scopes = new CopyOnWriteArrayList<>();
        volatile Duration validFor = Duration.ofHours(1);
        volatile RuntimeException failure;
        private int issued;

        @Override
        public synchronized Mono<AccessToken> getToken(TokenRequestContext request) {
            if (failure != null) {
                return Mono.error(failure);
            }
            scopes.add(List.copyOf(request.getScopes()));
            issued++;
            return Mono.just(new AccessToken("entra-token-" + issued, OffsetDateTime.now().plus(validFor)));
        }
    }
}
