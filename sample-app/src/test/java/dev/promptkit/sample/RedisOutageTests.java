/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.promptkit.test.PrivateRedisServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sample on its Redis profile, with Boot's and PromptKit's default timeouts, while its Redis goes away and comes
 * back: every route answers 503 with Retry-After within seconds (not Lettuce's minute), health says DOWN as fast,
 * and once Redis is back the conversation goes on with nothing lost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "OPENAI_API_KEY=",
        "ANTHROPIC_API_KEY=", "GEMINI_API_KEY=", "GOOGLE_API_KEY=", "OLLAMA_HOST=", "promptkit.mock.chunk-delay=0ms" })
@ActiveProfiles("redis")
@AutoConfigureWebTestClient(timeout = "PT60S")
class RedisOutageTests {

    private static PrivateRedisServer redis;

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void privateRedis(DynamicPropertyRegistry properties) {
        redis = PrivateRedisServer.startOrSkip();
        properties.add("spring.data.redis.url", () -> "redis://" + redis.host() + ":" + redis.port());
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    private WebTestClient.ResponseSpec send(String id, String text) {
        return client.post().uri("/api/conversations/{id}/messages", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", text)).exchange();
    }

    @Test
    void whileRedisIsDownRoutesAnswer503WithRetryAfterAndHealthIsDownThenNothingIsLost() {
        String id = client.post().uri("/api/conversations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, String>>() { }).returnResult()
                .getResponseBody().get("id");
        send(id, "hello").expectStatus().isOk();

        redis.stop();

        send(id, "thanks").expectStatus().isEqualTo(503).expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .startsWith("Redis state store could not load conversation '" + id + "'"));
        client.get().uri("/api/conversations/{id}/messages", id).exchange().expectStatus().isEqualTo(503);
        client.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503).expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.components.promptKit.status").isEqualTo("DOWN")
                .jsonPath("$.components.promptKit.details.stateStoreError").value(error -> assertThat((String) error)
                        .startsWith("Redis state store could not load conversation"));

        redis.start();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> send(id, "thanks").expectStatus().isOk());
        List<Map<String, Object>> history = client.get().uri("/api/conversations/{id}/messages", id).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        assertThat(history).extracting(message -> message.get("content")).startsWith("hello").contains("thanks");
        assertThat(history).hasSize(4);
    }
}
