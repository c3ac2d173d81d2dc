/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.http.EmbeddingServerTests;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.RetryPolicy;
import dev.promptkit.test.http.CloseTiming;
import dev.promptkit.test.http.ConnectionConduct;
import dev.promptkit.test.http.ConnectionEnding;
import dev.promptkit.test.http.LoopbackHttpServer;
import dev.promptkit.test.http.LoopbackResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class OpenAiEmbeddingProviderTests extends EmbeddingServerTests {

    private static final String API_KEY = "sk-test-0123456789abcdef";
    private static final RetryPolicy QUICK_RETRIES = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofMillis(5), 0, 0);

    @Test
    void postsTheDocumentedRequestAndReadsVectorsByIndex() throws InterruptedException {
        server.enqueue(json(200, """
                {
                  "object": "list",
                  "data": [
                    {"object": "embedding", "index": 1, "embedding": [0.5, -0.25, 0.125]},
                    {"object": "embedding", "index": 0, "embedding": [0.0023064255, -0.009327292, 0.015797347]}
                  ],
                  "model": "text-embedding-3-small",
                  "usage": {"prompt_tokens": 8, "total_tokens": 8}
                }"""));
        OpenAiEmbeddingProvider provider = provider().build();

        List<float[]> vectors = provider.embed(List.of("The food was delicious", "Crème brûlée 🍮")).block();

        assertThat(vectors).hasSize(2);
        assertThat(vectors.get(0)).containsExactly(0.0023064255f, -0.009327292f, 0.015797347f);
        assertThat(vectors.get(1)).containsExactly(0.5f, -0.25f, 0.125f);
        assertThat(provider.tokensUsed()).isEqualTo(8);
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v1/embeddings");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(parse(request.getBody().utf8())).isEqualTo(parse("""
                {"model": "text-embedding-3-small", "input": ["The food was delicious", "Crème brûlée 🍮"],
                 "encoding_format": "float"}"""));
    }

    @Test
    void sendsTheModelAndShortenedDimensions() throws InterruptedException {
        server.enqueue(json(200, """
                {"object": "list", "data": [{"object": "embedding", "index": 0, "embedding": [1, 0]}],
                 "model": "text-embedding-3-large", "usage": {"prompt_tokens": 1, "total_tokens": 1}}"""));
        OpenAiEmbeddingProvider provider = provider().model("text-embedding-3-large").dimensions(2).build();

        assertThat(provider.embed(List.of("hi")).block()).singleElement().satisfies(v -> assertThat(v).containsExactly(1f, 0f));

        assertThat(provider.dimensions()).isEqualTo(2);
        assertThat(parse(server.takeRequest().getBody().utf8())).isEqualTo(parse("""
                {"model": "text-embedding-3-large", "input": ["hi"], "encoding_format": "float", "dimensions": 2}"""));
    }

    @Test
    void knowsTheDimensionsOfOpenAisModels() {
        assertThat(provider().build().dimensions()).isEqualTo(1536);
        assertThat(provider().model("text-embedding-3-large").build().dimensions()).isEqualTo(3072);
        assertThat(provider().model("my-local-embedder").build().dimensions()).isZero();
    }

    @Test
    void splitsLargeInputsIntoBatchesAndKeepsTheirOrder() throws InterruptedException {
        server.enqueue(json(200, answer(1, 2)));
        server.enqueue(json(200, answer(3, 4)));
        server.enqueue(json(200, answer(5)));
        OpenAiEmbeddingProvider provider = provider().maxBatchSize(2).build();

        List<float[]> vectors = provider.embed(List.of("a", "b", "c", "d", "e")).block();

        assertThat(vectors).extracting(vector -> vector[0]).containsExactly(1f, 2f, 3f, 4f, 5f);
        assertThat(provider.tokensUsed()).isEqualTo(5);
        assertThat(parse(server.takeRequest().getBody().utf8()).get("input")).isEqualTo(parse("[\"a\", \"b\"]"));
        assertThat(parse(server.takeRequest().getBody().utf8()).get("input")).isEqualTo(parse("[\"c\", \"d\"]"));
        assertThat(parse(server.takeRequest().getBody().utf8()).get("input")).isEqualTo(parse("[\"e\"]"));
    }

    @Test
    void anErrorCarriesTheStatusAndOpenAisMessageButNeverTheKeyInAnyCase() {
        server.enqueue(json(401, """
                {"error": {"message": "Incorrect API key provided: %s. You can find your API key at https://platform.openai.com/account/api-keys.",
                  "type": "invalid_request_error", "param": null, "code": "invalid_api_key"}}""".formatted(
                API_KEY.toUpperCase(Locale.ROOT))));

        StepVerifier.create(provider().build().embed(List.of("hi")))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ProviderException.class);
                    ProviderException failure = (ProviderException) error;
                    assertThat(failure.statusCode()).isEqualTo(401);
                    assertThat(failure.kind()).isEqualTo(ProviderException.Kind.AUTHENTICATION);
                    assertThat(failure.provider()).isEqualTo("openai");
                    assertThat(failure.getMessage()).isEqualTo("Provider 'openai' failed (HTTP 401): the API key is"
                            + " invalid or revoked: Incorrect API key provided: [redacted]. You can find your API key"
                            + " at https://platform.openai.com/account/api-keys.");
                })
                .verify(Duration.ofSeconds(5));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aBadRequestIsNotRetried() {
        server.enqueue(json(400, """
                {"error": {"message": "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.",
                  "type": "invalid_request_error", "param": null, "code": null}}"""));

        StepVerifier.create(provider().build().embed(List.of("hi")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessageContaining("(HTTP 400): '$.input' is invalid"))
                .verify(Duration.ofSeconds(5));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRateLimitIsRetried() {
        server.enqueue(json(429, """
                {"error": {"message": "Rate limit reached for text-embedding-3-small", "type": "requests",
                  "param": null, "code": "rate_limit_exceeded"}}"""));
        server.enqueue(json(200, answer(7)));

        assertThat(provider().build().embed(List.of("hi")).block()).singleElement()
                .satisfies(vector -> assertThat(vector).containsExactly(7f));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRefusedConnectionIsAProviderExceptionWithoutStatus() {
        OpenAiEmbeddingProvider provider = OpenAiEmbeddingProvider.builder().settings(HttpProviderSettings.builder()
                .baseUrl("http://127.0.0.1:1/v1").apiKey(API_KEY).retry(RetryPolicy.DISABLED).build()).build();

        StepVerifier.create(provider.embed(List.of("hi")))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ProviderException.class).hasMessageContaining("could not send");
                    assertThat(((ProviderException) error).statusCode()).isZero();
                })
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aBlankTextIsRejectedBeforeAnyRequest() {
        StepVerifier.create(provider().build().embed(List.of("fine", " ")))
                .expectErrorMessage("text 1 is blank; it cannot be embedded")
                .verify(Duration.ofSeconds(5));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aMissingEmbeddingIsAProviderException() {
        server.enqueue(json(200, answer(1)));

        StepVerifier.create(provider().build().embed(List.of("a", "b")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessageContaining("no embedding for input 1"))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aRequestThatMeetsAConnectionTheServerEndedIsSentAgainNotFailed() {
        try (LoopbackHttpServer upstream = LoopbackHttpServer.start(ConnectionConduct.builder()
                .maxRequestsPerConnection(1, false).ending(ConnectionEnding.RESET, CloseTiming.AS_NEXT_REQUEST_ARRIVES)
                .build(), request -> LoopbackResponse.ok("application/json", answer(0.5f)));
                OpenAiEmbeddingProvider provider = OpenAiEmbeddingProvider.builder().settings(HttpProviderSettings
                        .builder().baseUrl(upstream.url("/v1")).apiKey(API_KEY).retry(RetryPolicy.DISABLED).build())
                        .build()) {
            // a call reuses the last call's connection once the pool has it back: call until two have
            for (int i = 0; i < 20 && upstream.requestsDroppedOnReusedConnections() < 2; i++) {
                assertThat(provider.embed(List.of("again")).block(Duration.ofSeconds(10))).hasSize(1);
            }

            assertThat(upstream.requestsDroppedOnReusedConnections()).as("met with retries disabled").isEqualTo(2);
        }
    }

    private OpenAiEmbeddingProvider.Builder provider() {
        return OpenAiEmbeddingProvider.builder().settings(HttpProviderSettings.builder()
                .baseUrl(server.url("/v1").toString()).apiKey(API_KEY).retry(QUICK_RETRIES).build());
    }

    /** An answer with one one-dimensional vector per value, one usage token each. */
    private static String answer(float... values) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            data.append(i == 0 ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i)
                    .append(",\"embedding\":[").append(values[i]).append("]}");
        }
        return "{\"object\":\"list\",\"data\":[" + data + "],\"model\":\"text-embedding-3-small\","
                + "\"usage\":{\"prompt_tokens\":" + values.length + ",\"total_tokens\":" + values.length + "}}";
    }
}
