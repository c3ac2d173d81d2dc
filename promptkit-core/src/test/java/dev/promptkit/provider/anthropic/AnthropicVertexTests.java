/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.anthropic;

import static dev.promptkit.provider.http.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.http.FakeUpstream;
import dev.promptkit.provider.http.HttpProviderContract;
import dev.promptkit.provider.platform.VertexPlatform;
import dev.promptkit.provider.platform.google.FakeGoogleTokenServer;
import dev.promptkit.types.TokenUsage;
import java.util.function.UnaryOperator;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Claude on Vertex AI: the Anthropic fixtures served at Vertex's {@code streamRawPredict} path, with
 * {@code anthropic_version} in the body instead of the model, authenticated with bearer tokens of a service account.
 */
class AnthropicVertexTests extends HttpProviderContract<AnthropicProvider, AnthropicProvider.Builder> {

    @RegisterExtension
    final FakeGoogleTokenServer tokens = new FakeGoogleTokenServer();

    AnthropicVertexTests() {
        super(AnthropicProvider::builder, FakeUpstream.Framing.SSE, "/v1", null);
    }

    @Override
    protected AnthropicProvider provider(UnaryOperator<AnthropicProvider.Builder> customizer) {
        VertexPlatform vertex = tokens.vertex("my-project", "us-east5");
        return super.provider(builder -> customizer.apply(builder.platform(vertex).model("claude-haiku-4-5@20251001")));
    }

    @Override
    protected TokenUsage helloUsage() {
        return TokenUsage.of(19, 10);
    }

    @Override
    protected void assertDocumentedRequest(RecordedRequest request) {
        assertThat(request.getTarget()).isEqualTo("/v1/projects/my-project/locations/us-east5/publishers/anthropic/"
                + "models/claude-haiku-4-5@20251001:streamRawPredict");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer ya29.fake-1");
        assertThat(request.getHeaders().get("x-api-key")).isNull();
        assertThat(json(request.getBody().utf8())).isEqualTo(json("""
                {"anthropic_version": "vertex-2023-10-16", "max_tokens": 4096, "system": "Be brief.",
                 "messages": [{"role": "user", "content": "Hi"}], "stream": true}"""));
    }

    @Override
    protected String providersMessage(JsonNode errorBody) {
        return errorBody.at("/error/message").stringValue();
    }

    @Test
    void reportsVertexErrorsWithTheirMessage() {
        upstream.enqueue(new mockwebserver3.MockResponse.Builder().code(404)
                .addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"code\":404,\"message\":\"Publisher Model `projects/my-project/locations/us-east5/"
                        + "publishers/anthropic/models/claude-haiku-4-5@20251001` not found.\",\"status\":"
                        + "\"NOT_FOUND\"}}").build());

        reactor.test.StepVerifier.create(provider().stream(HELLO)).verifyErrorSatisfies(error -> assertThat(error)
                .hasMessage(failed() + " (HTTP 404): Publisher Model `projects/my-project/locations/us-east5/publishers"
                        + "/anthropic/models/claude-haiku-4-5@20251001` not found."));
    }
}
