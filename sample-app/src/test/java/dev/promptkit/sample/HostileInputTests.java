/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The API with hostile input in every path-like parameter (conversation ids, tool call ids, prompt names) and
 * in the static-resource path: traversal, encoded traversal, NUL and CR/LF, oversized ids. Each gets a 4xx
 * answer that reads no file and echoes nothing into headers; none gets a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "OPENAI_API_KEY=",
        "ANTHROPIC_API_KEY=", "GEMINI_API_KEY=", "GOOGLE_API_KEY=", "OLLAMA_HOST=", "promptkit.mock.chunk-delay=0ms" })
@AutoConfigureWebTestClient(timeout = "PT30S")
class HostileInputTests {

    private static final List<String> TRAVERSALS = List.of("..%2F..%2F..%2F..%2Fetc%2Fpasswd",
            "%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%5C..%5C..%5Cwindows%5Cwin.ini",
            "%252e%252e%252f%252e%252e%252fetc%252fpasswd", "..%00", "%0d%0aSet-Cookie:%20hijacked=1",
            "x".repeat(4_000));

    @Autowired
    private WebTestClient client;

    @LocalServerPort
    private int port;

    @Test
    void traversalInAConversationIdIsAnUnknownConversation() {
        for (String id : TRAVERSALS) {
            assertRejected(client.get().uri(url("/api/conversations/" + id + "/messages")).exchange(), id);
            assertRejected(client.post().uri(url("/api/conversations/" + id + "/messages"))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "hi")).exchange(), id);
            assertRejected(client.post().uri(url("/api/conversations/" + id + "/fork")).exchange(), id);
            assertRejected(client.get().uri(url("/api/conversations/" + id + "/stream?text=hi")).exchange(), id);
        }
    }

    @Test
    void traversalInAToolCallIdIsAnUnknownCall() {
        String id = client.post().uri("/api/conversations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("id").toString();
        for (String callId : TRAVERSALS) {
            assertRejected(client.post().uri(url("/api/conversations/" + id + "/approvals/" + callId))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("approve", true)).exchange(), callId);
        }
    }

    @Test
    void aPromptNameIsLookedUpInThePackNeverOnDisk() {
        for (String prompt : List.of("../../../../etc/passwd", "/etc/passwd", "support/../../secrets",
                "classpath:application.yml", "file:/etc/passwd")) {
            client.post().uri("/api/conversations").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("prompt", prompt)).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                            .contains("[support]").doesNotContain("root:"));
        }
    }

    @Test
    void theStaticResourcesServeNothingOutsideTheirFolder() {
        for (String path : List.of("/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/static/..%2F..%2Fapplication.yml", "/..%2Fapplication.yml", "/%2e%2e%2fapplication.yml",
                "/..%5C..%5Capplication.yml", "/application.yml", "/mock-responses.yaml",
                "/packs/..%2F..%2Fapplication.yml")) {
            EntityExchangeResult<byte[]> result = client.get().uri(url(path)).exchange().expectBody().returnResult();
            assertThat(result.getStatus().is4xxClientError()).as(path + " answered " + result.getStatus()).isTrue();
            String body = result.getResponseBody() == null ? "" : new String(result.getResponseBody());
            assertThat(body).as(path).doesNotContain("root:").doesNotContain("promptkit:");
        }
    }

    private void assertRejected(WebTestClient.ResponseSpec response, String input) {
        EntityExchangeResult<byte[]> result = response.expectBody().returnResult();
        assertThat(result.getStatus().is4xxClientError()).as(shorten(input) + " answered " + result.getStatus())
                .isTrue();
        assertThat(result.getResponseHeaders().containsHeader("Set-Cookie")).as(shorten(input)).isFalse();
        String body = result.getResponseBody() == null ? "" : new String(result.getResponseBody());
        assertThat(body).as(shorten(input)).doesNotContain("root:").doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    private URI url(String pathAndQuery) {
        // built by hand so the encoded sequences reach the server exactly as written
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private static String shorten(String input) {
        return input.length() > 40 ? input.substring(0, 40) + "... (" + input.length() + " chars)" : input;
    }
}
