/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every malformed, mistyped, oversized or ill-encoded body and query each route takes, sent to a conversation that
 * holds a refund waiting for approval: each gets a 4xx problem (never a 5xx, never a stack trace), and afterwards
 * the stored history and the waiting call are exactly as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "OPENAI_API_KEY=",
        "ANTHROPIC_API_KEY=", "GEMINI_API_KEY=", "GOOGLE_API_KEY=", "OLLAMA_HOST=", "promptkit.mock.chunk-delay=0ms" })
@AutoConfigureWebTestClient(timeout = "PT30S")
class HostileBodyTests {

    /** Bodies no route takes: not JSON, not an object, cut short, or the wrong media type. */
    private static final List<String> BROKEN = List.of("", " ", "{", "}", "{\"text\":", "[]", "[{\"text\":\"hi\"}]",
            "\"hi\"", "42", "null", "true", "{'text':'hi'}", "{text:\"hi\"}", "{\"text\":\"hi\"", "{\"text\":\"hi\"}}",
            "\u0000", "{\"text\":\"hi\",}", "<text>hi</text>", "{\"text\":\"\\x41\"}", "{\"text\":\"\\u12\"}");

    /** Message bodies with the wrong type, a repeated key, no text, or text that cannot be stored. */
    private static final List<String> BAD_MESSAGES = List.of("{}", "{\"text\":null}", "{\"text\":5}",
            "{\"text\":5.5}", "{\"text\":true}", "{\"text\":[\"hi\"]}", "{\"text\":{\"a\":1}}", "{\"text\":\"\"}",
            "{\"text\":\"   \"}", "{\"text\":\"\\n\\t\"}", "{\"text\":\"a\",\"text\":\"b\"}", "{\"text\":\"\\ud83d\"}",
            "{\"text\":\"\\ude00\"}", "{\"text\":\"\\ude00\\ud83d\"}", "{\"text\":\"x\\ud800y\"}",
            "{\"text\":\"" + "x".repeat(4_001) + "\"}", "{\"text\":\"" + "y".repeat(300 * 1024) + "\"}");

    /** Approval bodies with a missing, mistyped or repeated decision, or an oversized or ill-encoded reason. */
    private static final List<String> BAD_DECISIONS = List.of("{}", "{\"approve\":null}", "{\"approve\":\"true\"}",
            "{\"approve\":\"yes\"}", "{\"approve\":1}", "{\"approve\":0}", "{\"approve\":[true]}",
            "{\"approve\":{}}", "{\"approve\":false,\"approve\":true}", "{\"reason\":\"no\"}",
            "{\"approve\":false,\"reason\":5}", "{\"approve\":false,\"reason\":\"\\udc00\"}",
            "{\"approve\":false,\"reason\":\"" + "r".repeat(4_001) + "\"}");

    /** Bodies for opening a conversation that name no prompt of the pack or are mistyped. */
    private static final List<String> BAD_OPENINGS = List.of("{\"prompt\":5}", "{\"prompt\":[\"support\"]}",
            "{\"prompt\":\"sales\"}", "{\"prompt\":\"../support\"}", "{\"prompt\":\"support\",\"prompt\":\"x\"}",
            "{\"prompt\":\"\"}");

    /**
     * Stream queries without text or with too much. (Bytes that are not UTF-8 in a query are decoded as U+FFFD,
     * which is well-formed text, so they are answered.)
     */
    private static final List<String> BAD_QUERIES = List.of("", "?text=", "?text=%20%20", "?text=%0A%09",
            "?text=" + "z".repeat(4_001));

    @Autowired
    private WebTestClient client;

    @LocalServerPort
    private int port;

    private final List<String> answered = new ArrayList<>();

    @Test
    void everyBadBodyGetsAProblemAndChangesNothing() {
        String id = client.post().uri("/api/conversations").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, String>>() { }).returnResult()
                .getResponseBody().get("id");
        client.post().uri("/api/conversations/{id}/messages", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"I want a big refund for A-1001\"}").exchange().expectStatus().isOk();
        String callId = (String) approvals(id).get(0).get("id");
        List<Map<String, Object>> history = history(id);
        String idle = client.post().uri("/api/conversations").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, String>>() { }).returnResult()
                .getResponseBody().get("id");
        client.post().uri("/api/conversations/{id}/messages", idle).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"hello\"}").exchange().expectStatus().isOk();
        List<Map<String, Object>> idleHistory = history(idle);

        // on a conversation that would take a message, so that nothing is refused for another reason
        for (String body : concat(BROKEN, BAD_MESSAGES)) {
            refused(HttpMethod.POST, "/api/conversations/" + idle + "/messages", MediaType.APPLICATION_JSON, body);
        }
        for (String query : BAD_QUERIES) {
            refused(HttpMethod.GET, "/api/conversations/" + idle + "/stream" + query, null, null);
        }
        assertThat(history(idle)).isEqualTo(idleHistory);

        for (String body : concat(BROKEN, BAD_MESSAGES)) {
            refused(HttpMethod.POST, "/api/conversations/" + id + "/messages", MediaType.APPLICATION_JSON, body);
        }
        for (String body : concat(BROKEN, BAD_DECISIONS)) {
            refused(HttpMethod.POST, "/api/conversations/" + id + "/approvals/" + callId, MediaType.APPLICATION_JSON,
                    body);
        }
        for (String body : concat(List.of("[]", "\"support\"", "{"), BAD_OPENINGS)) {
            refused(HttpMethod.POST, "/api/conversations", MediaType.APPLICATION_JSON, body);
        }
        for (MediaType wrong : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML, MediaType.APPLICATION_FORM_URLENCODED,
                MediaType.MULTIPART_FORM_DATA)) {
            refused(HttpMethod.POST, "/api/conversations/" + id + "/messages", wrong, "{\"text\":\"hi\"}");
        }
        for (String query : BAD_QUERIES) {
            refused(HttpMethod.GET, "/api/conversations/" + id + "/stream" + query, null, null);
        }
        for (HttpMethod method : List.of(HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
            refused(method, "/api/conversations/" + id + "/messages", MediaType.APPLICATION_JSON, "{\"text\":\"hi\"}");
        }

        assertThat(answered).as("bad requests sent").hasSizeGreaterThan(90);
        assertThat(history(id)).as("the stored history after %d bad requests", answered.size()).isEqualTo(history);
        assertThat(approvals(id)).extracting(call -> call.get("id")).as("the refund still waits").containsExactly(callId);
    }

    private void refused(HttpMethod method, String uri, MediaType type, String body) {
        // built by hand so that encoded sequences reach the server exactly as written
        WebTestClient.RequestBodySpec request = client.method(method).uri(URI.create("http://127.0.0.1:" + port + uri));
        if (type != null) {
            request.contentType(type);
        }
        EntityExchangeResult<byte[]> result = (body == null ? request.exchange() : request.bodyValue(body).exchange())
                .expectBody().returnResult();
        String shown = method + " " + shorten(uri) + " " + shorten(String.valueOf(body));
        answered.add(shown);
        assertThat(result.getStatus().is4xxClientError()).as(shown + " answered " + result.getStatus()).isTrue();
        String text = result.getResponseBody() == null ? "" : new String(result.getResponseBody());
        assertThat(text).as(shown).doesNotContain("\tat ").doesNotContain("\"trace\"")
                .doesNotContain("Exception:");
    }

    private List<Map<String, Object>> history(String id) {
        return client.get().uri("/api/conversations/{id}/messages", id).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody();
    }

    private List<Map<String, Object>> approvals(String id) {
        return client.get().uri("/api/conversations/{id}/approvals", id).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "... (" + text.length() + " chars)" : text;
    }
}
