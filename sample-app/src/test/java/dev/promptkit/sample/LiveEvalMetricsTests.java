/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The support pack's live evals score a conversation's answers after they were sent, and their scores reach
 * Prometheus and the PromptKit endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "promptkit.providers.assistant.type=mock",
        "promptkit.providers.assistant.options.script=classpath:mock-responses.yaml",
        "promptkit.default-provider=assistant" })
@AutoConfigureWebTestClient(timeout = "PT30S")
class LiveEvalMetricsTests {

    private static final Pattern RESULTS = Pattern.compile(
            "promptkit_eval_results_total\\{eval=\"no-card-numbers\",outcome=\"passed\",pack=\"acme-support\","
                    + "prompt=\"support\"} [1-9]");
    private static final Pattern SCORES = Pattern.compile(
            "promptkit_eval_score_count\\{eval=\"brief\",outcome=\"passed\",pack=\"acme-support\",prompt=\"support\"}"
                    + " [1-9]");

    @Autowired
    private WebTestClient client;

    @Test
    void anAnswersEvalScoresReachPrometheusAndTheEndpoint() {
        String id = client.post().uri("/api/conversations").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange().expectBody(new ParameterizedTypeReference<Map<String, String>>() { }).returnResult()
                .getResponseBody().get("id");
        client.post().uri("/api/conversations/{id}/messages", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "hello")).exchange().expectStatus().isOk();

        String metrics = await("/actuator/prometheus",
                body -> RESULTS.matcher(body).find() && SCORES.matcher(body).find());

        assertThat(metrics).containsPattern("promptkit_eval_score_sum\\{eval=\"brief\",.*} 1\\.0")
                .contains("promptkit_eval_dropped_total 0.0").doesNotContain(id);
        String endpoint = await("/actuator/promptkit", body -> body.contains("\"runs\":1"));
        assertThat(endpoint).contains("\"no-card-numbers\":{\"type\":\"pii\",\"trigger\":\"every_turn\"",
                "\"order-lookup-used\":{\"type\":\"tools_called\",\"trigger\":\"sample_turns\",\"samplePercentage\":20.0")
                .doesNotContain(id);
    }

    /** The body of {@code uri} once it holds what {@code ready} looks for, asked again for at most 30 s. */
    private String await(String uri, Predicate<String> ready) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            body = client.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                    .getResponseBody();
            if (ready.test(body)) {
                return body;
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(ready.test(body)).as("%s within 30 s; last seen:%n%s", uri, body).isTrue();
        return body;
    }
}
