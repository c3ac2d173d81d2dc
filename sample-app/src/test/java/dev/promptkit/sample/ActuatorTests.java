/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The actuator view after a conversation: meters in Prometheus, the pack and providers with keys masked, the voice
 * and media settings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "promptkit.providers.assistant.type=mock", "promptkit.providers.assistant.options.script=classpath:mock-responses.yaml",
        "promptkit.providers.backup.type=openai", "promptkit.providers.backup.api-key=sk-test-VERY-SECRET-KEY-42",
        "promptkit.providers.backup.base-url=http://127.0.0.1:9/v1", "promptkit.default-provider=assistant" })
@AutoConfigureWebTestClient(timeout = "PT30S")
class ActuatorTests {

    private static final String KEY = "sk-test-VERY-SECRET-KEY-42";

    @Autowired
    private WebTestClient client;

    @Test
    void prometheusShowsTokensCostAndToolCallsAfterAConversation() {
        String id = client.post().uri("/api/conversations").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange().expectBody(new ParameterizedTypeReference<Map<String, String>>() { }).returnResult()
                .getResponseBody().get("id");
        client.post().uri("/api/conversations/{id}/messages", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "where is my order A-1001?")).exchange().expectStatus().isOk();

        String metrics = client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics)
                .containsPattern("promptkit_provider_tokens_total\\{.*type=\"input\".*} [1-9]")
                .containsPattern("promptkit_provider_tokens_total\\{.*type=\"output\".*} [1-9]")
                .containsPattern("promptkit_provider_cost_USD_total\\{.*provider=\"assistant\".*} 0\\.0*[1-9]")
                .containsPattern("promptkit_provider_requests_seconds_count\\{.*outcome=\"success\".*prompt=\"support\".*} 2")
                .containsPattern("promptkit_tool_calls_seconds_count\\{outcome=\"success\",tool=\"lookup_order\"} 1")
                .contains("promptkit_streams_active")
                .doesNotContain(id);
    }

    @Test
    void thePromptKitEndpointShowsPacksToolsAndProvidersWithKeysMasked() {
        String body = client.get().uri("/actuator/promptkit").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"acme-support\"", "\"support\"", "\"lookup_order\":\"orderTools#lookup\"",
                "\"process_refund\":\"orderTools#refund\"", "\"backup\"", "\"apiKey\":\"******\"",
                "\"baseUrl\":\"http://127.0.0.1:9/v1\"", "\"default\":\"assistant\"",
                "\"provider\",\"redact-card-numbers\"", "\"voice\":{\"mode\":\"asm\",\"voice\":\"provider default\"",
                "\"images\":\"sent as they are\"").doesNotContain(KEY);
        client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.components.promptKit.status").isEqualTo("UP");
        client.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
    }
}
