/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.http.EmbeddingServerTests;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class GeminiEmbeddingProviderTests extends EmbeddingServerTests {

    private static final String API_KEY = "AIza-test-0123456789";

    @Test
    void postsTheDocumentedBatchRequestWithTheKeyInAHeaderOnly() throws InterruptedException {
        server.enqueue(json(200, """
                {
                  "embeddings": [
                    {"values": [0.013168523, -0.008711934, -0.046782676]},
                    {"values": [0.5, 0.25, -0.125]}
                  ]
                }"""));

        List<float[]> vectors = provider().build().embed(List.of("What is the meaning of life?", "How much wood?"))
                .block();

        assertThat(vectors.get(0)).containsExactly(0.013168523f, -0.008711934f, -0.046782676f);
        assertThat(vectors.get(1)).containsExactly(0.5f, 0.25f, -0.125f);
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v1beta/models/gemini-embedding-001:batchEmbedContents");
        assertThat(request.getHeaders().get("x-goog-api-key")).isEqualTo(API_KEY);
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(parse(request.getBody().utf8())).isEqualTo(parse("""
                {"requests": [
                  {"model": "models/gemini-embedding-001", "content": {"parts": [{"text": "What is the meaning of life?"}]},
                   "taskType": "SEMANTIC_SIMILARITY"},
                  {"model": "models/gemini-embedding-001", "content": {"parts": [{"text": "How much wood?"}]},
                   "taskType": "SEMANTIC_SIMILARITY"}
                ]}"""));
    }

    @Test
    void sendsTheModelTaskTypeAndOutputDimensionality() throws InterruptedException {
        server.enqueue(json(200, "{\"embeddings\": [{\"values\": [1, 0]}]}"));
        GeminiEmbeddingProvider provider = provider().model("text-embedding-004").taskType("RETRIEVAL_QUERY")
                .dimensions(2).build();

        provider.embed(List.of("hi")).block();

        assertThat(provider.dimensions()).isEqualTo(2);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/v1beta/models/text-embedding-004:batchEmbedContents");
        assertThat(parse(request.getBody().utf8())).isEqualTo(parse("""
                {"requests": [{"model": "models/text-embedding-004", "content": {"parts": [{"text": "hi"}]},
                  "taskType": "RETRIEVAL_QUERY", "outputDimensionality": 2}]}"""));
    }

    @Test
    void omitsTheTaskTypeWhenToldToAndKnowsGeminiDimensions() throws InterruptedException {
        server.enqueue(json(200, "{\"embeddings\": [{\"values\": [1]}]}"));

        provider().taskType(null).build().embed(List.of("hi")).block();

        assertThat(parse(server.takeRequest().getBody().utf8()).at("/requests/0").has("taskType")).isFalse();
        assertThat(provider().build().dimensions()).isEqualTo(3072);
        assertThat(provider().model("text-embedding-004").build().dimensions()).isEqualTo(768);
    }

    @Test
    void sendsAtMostOneHundredTextsPerRequest() throws InterruptedException {
        server.enqueue(json(200, answer(100)));
        server.enqueue(json(200, answer(1)));
        List<String> texts = IntStream.range(0, 101).mapToObj(i -> "text " + i).toList();

        List<float[]> vectors = provider().build().embed(texts).block();

        assertThat(vectors).hasSize(101);
        assertThat(vectors.get(100)[0]).isEqualTo(0f);
        assertThat(vectors.get(99)[0]).isEqualTo(99f);
        assertThat(parse(server.takeRequest().getBody().utf8()).get("requests")).hasSize(100);
        assertThat(parse(server.takeRequest().getBody().utf8()).at("/requests/0/content/parts/0/text").stringValue())
                .isEqualTo("text 100");
    }

    @Test
    void anErrorCarriesTheStatusAndGooglesStatusAndMessage() {
        server.enqueue(json(400, """
                {"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.",
                  "status": "INVALID_ARGUMENT",
                  "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID",
                    "domain": "googleapis.com", "metadata": {"service": "generativelanguage.googleapis.com"}}]}}"""));

        StepVerifier.create(provider().build().embed(List.of("hi")))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ProviderException.class).hasMessage("Provider 'gemini' failed"
                            + " (HTTP 400): INVALID_ARGUMENT: API key not valid. Please pass a valid API key.");
                    assertThat(((ProviderException) error).statusCode()).isEqualTo(400);
                })
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void anErrorObjectWrappedInAnArrayIsReadLikeTheChatProviders() {
        server.enqueue(json(429, """
                [{"error": {"code": 429, "message": "Quota exceeded.", "status": "RESOURCE_EXHAUSTED"}}]"""));

        StepVerifier.create(provider().build().embed(List.of("hi")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessage("Provider 'gemini' failed (HTTP 429): RESOURCE_EXHAUSTED: Quota exceeded."))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aNonJsonErrorBodyIsQuotedWithoutTheKey() {
        server.enqueue(new MockResponse.Builder().code(502).body("<html>bad gateway for key " + API_KEY + "</html>")
                .build());

        StepVerifier.create(provider().build().embed(List.of("hi")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessage("Provider 'gemini' failed (HTTP 502): <html>bad gateway for key [redacted]</html>"))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aWrongNumberOfEmbeddingsIsAProviderException() {
        server.enqueue(json(200, answer(1)));

        StepVerifier.create(provider().build().embed(List.of("a", "b")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessageContaining("1 embeddings for 2 inputs"))
                .verify(Duration.ofSeconds(5));
    }

    private GeminiEmbeddingProvider.Builder provider() {
        return GeminiEmbeddingProvider.builder().settings(HttpProviderSettings.builder()
                .baseUrl(server.url("/v1beta").toString()).apiKey(API_KEY).retry(RetryPolicy.DISABLED).build());
    }

    /** An answer of {@code count} one-dimensional vectors holding 0, 1, 2, ... */
    private static String answer(int count) {
        StringBuilder embeddings = new StringBuilder();
        for (int i = 0; i < count; i++) {
            embeddings.append(i == 0 ? "" : ",").append("{\"values\":[").append(i).append("]}");
        }
        return "{\"embeddings\":[" + embeddings + "]}";
    }
}
