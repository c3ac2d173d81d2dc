/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.test.TraceLogCapture;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a client of the sample's API sees when the OpenAI upstream (a loopback fake speaking Chat Completions) fails
 * in each way a real one does: an RFC 9457 problem naming the provider and the cause, with a status that fits and
 * the upstream's {@code Retry-After} passed on, and never the key the upstream quoted (nor does any log line, every
 * Spring, Reactor, Netty and PromptKit logger at TRACE); and on the event stream, once words went out, an
 * {@code error} event carrying the same problem. No failed turn is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "promptkit.providers.upstream.type=openai",
        "promptkit.providers.upstream.http.idle-timeout=500ms", "promptkit.providers.upstream.http.retry.max-retries=0",
        "promptkit.default-provider=upstream" })
@AutoConfigureWebTestClient(timeout = "PT30S")
class ProviderFailureTests {

    private static final String KEY = "sk-proj-Fx8Kq2LmN7pR4sT9vW1yZ3bC6dE0gH5j";

    /** What no response and no log line may hold: the key's body, in any case. */
    private static final String KEY_BODY = "fx8kq2lmn7pr4st9vw1yz3bc6de0gh5j";

    private static final MockWebServer upstream = new MockWebServer();

    @RegisterExtension
    final TraceLogCapture logs = new TraceLogCapture();

    @Autowired
    private WebTestClient client;

    private String id;

    @DynamicPropertySource
    static void upstreamUrl(DynamicPropertyRegistry registry) throws IOException {
        upstream.start();
        registry.add("promptkit.providers.upstream.base-url", () -> upstream.url("/v1").toString());
        // here, not in the annotation, whose properties Spring's test framework itself logs at TRACE
        registry.add("promptkit.providers.upstream.api-key", () -> KEY);
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @BeforeEach
    void openConversation() {
        id = client.post().uri("/api/conversations").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, String>>() { }).returnResult()
                .getResponseBody().get("id");
    }

    @Test
    void aRateLimitIsA429WithTheUpstreamsRetryAfter() {
        upstream.enqueue(new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
                .addHeader("Retry-After", "7").body(openAiError("Rate limit reached for gpt-4o-mini on requests per"
                        + " min for Bearer " + KEY, "requests", "rate_limit_exceeded")).build());

        Map<String, Object> problem = send(429, "7");

        assertThat(problem).containsEntry("status", 429).containsEntry("provider", "upstream")
                .containsEntry("cause", "rate_limited").containsEntry("upstreamStatus", 429)
                .containsEntry("retryAfter", 7).containsEntry("title", "The provider is rate limiting requests");
        assertThat((String) problem.get("detail")).isEqualTo("Provider 'upstream' failed (HTTP 429): Rate limit"
                + " reached for gpt-4o-mini on requests per min for Bearer [redacted]");
        assertNothingStoredAndNoKeyIn(problem);
    }

    @Test
    void aRejectedKeyIsA502SayingSo() {
        upstream.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body(openAiError("Incorrect API key provided: " + KEY.toUpperCase(Locale.ROOT) + ".",
                        "invalid_request_error", "invalid_api_key")).build());

        Map<String, Object> problem = send(502, null);

        assertThat(problem).containsEntry("cause", "authentication").containsEntry("upstreamStatus", 401)
                .doesNotContainKey("retryAfter");
        assertThat((String) problem.get("detail")).contains("'upstream'", "the API key is invalid or revoked",
                "Incorrect API key provided: [redacted].");
        assertNothingStoredAndNoKeyIn(problem);
    }

    @Test
    void anUpstreamStalledPastTheIdleTimeoutIsA504() {
        upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body(": waiting\n\n").onResponseStart(SocketEffect.Stall.INSTANCE).build());

        Map<String, Object> problem = send(504, null);

        assertThat(problem).containsEntry("cause", "timed_out").containsEntry("provider", "upstream");
        assertThat((String) problem.get("detail")).contains("sent nothing for 500 ms (idle timeout)");
        assertNothingStoredAndNoKeyIn(problem);
    }

    @Test
    void garbageInsteadOfTheStreamIsA502() {
        upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body("data: <html><body>502 Bad Gateway " + KEY + "</body></html>\n\n").build());

        Map<String, Object> problem = send(502, null);

        assertThat(problem).containsEntry("cause", "invalid_response");
        assertThat((String) problem.get("detail")).contains("malformed stream event (not valid JSON)", "[redacted]");
        assertNothingStoredAndNoKeyIn(problem);
    }

    @Test
    void anErrorEventInsideA200StreamIsA502() {
        upstream.enqueue(stream(List.of(), openAiError("The server had an error while processing your request"
                + " (key " + KEY.substring(8) + ")", "server_error", null)));

        Map<String, Object> problem = send(502, null);

        assertThat(problem).containsEntry("cause", "unavailable").doesNotContainKey("upstreamStatus");
        assertThat((String) problem.get("detail")).contains("the stream reported an error (server_error)",
                "(key [redacted])");
        assertNothingStoredAndNoKeyIn(problem);
    }

    @Test
    void aFailureBeforeTheFirstEventIsAProblemResponseOnTheStreamRouteToo() {
        upstream.enqueue(new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
                .addHeader("Retry-After", "3").body(openAiError("slow down", "requests", null)).build());

        Map<String, Object> problem = client.get().uri("/api/conversations/{id}/stream?text=hello", id)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "3")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody();

        assertThat(problem).containsEntry("cause", "rate_limited").containsEntry("retryAfter", 3);
        assertNothingStoredAndNoKeyIn(problem);
    }

    @Test
    void aStreamThatFailsAfterSomeTextEndsWithAnErrorEventCarryingTheProblem() {
        upstream.enqueue(stream(List.of("Your order ", "is on "), openAiError("quota for Bearer " + KEY,
                "server_error", null)));

        String events = client.get().uri("/api/conversations/{id}/stream?text=where%20is%20my%20order", id)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(events).contains("event:text", "\"text\":\"Your order \"").doesNotContain("event:done");
        String error = events.substring(events.indexOf("event:error"));
        assertThat(error).contains("\"status\":502", "\"provider\":\"upstream\"", "\"cause\":\"interrupted\"",
                "\"title\":\"The provider broke off its answer\"", "quota for Bearer [redacted]");
        assertThat(events.strip()).as("the error event is the last one").endsWith("}");
        assertNothingStoredAndNoKeyIn(Map.of("events", events));
    }

    private Map<String, Object> send(int status, String retryAfter) {
        WebTestClient.ResponseSpec response = client.post().uri("/api/conversations/{id}/messages", id)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "where is my order A-1001?"))
                .exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            response.expectHeader().valueEquals("Retry-After", retryAfter);
        }
        else {
            response.expectHeader().doesNotExist("Retry-After");
        }
        return response.expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody();
    }

    private void assertNothingStoredAndNoKeyIn(Map<String, Object> problem) {
        assertThat(client.get().uri("/api/conversations/{id}/messages", id).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Object>>() { }).returnResult().getResponseBody())
                .as("no turn stored").isEmpty();
        assertThat(problem.toString().toLowerCase(Locale.ROOT)).doesNotContain(KEY_BODY.substring(0, 10))
                .doesNotContain(KEY_BODY.substring(20));
        assertThat(logs.lines()).as("the log").anyMatch(line -> line.startsWith("TRACE org.springframework"))
                .anyMatch(line -> line.contains("Provider failure answered with"));
        assertThat(String.join("\n", logs.lines()).toLowerCase(Locale.ROOT)).as("the log")
                .doesNotContain(KEY_BODY.substring(0, 10)).doesNotContain(KEY_BODY.substring(20));
    }

    /** A Chat Completions error object, as in an error body or an in-stream error event. */
    private static String openAiError(String message, String type, String code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":"
                + (code == null ? "null" : "\"" + code + "\"") + "}}";
    }

    /** A 200 Chat Completions stream: a chunk per text, then {@code error} as an event. */
    private static MockResponse stream(List<String> texts, String error) {
        StringBuilder body = new StringBuilder();
        for (String text : texts) {
            body.append("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\","
                    + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"").append(text)
                    .append("\"},\"finish_reason\":null}]}\n\n");
        }
        body.append("data: ").append(error).append("\n\n");
        return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body.toString()).build();
    }
}
