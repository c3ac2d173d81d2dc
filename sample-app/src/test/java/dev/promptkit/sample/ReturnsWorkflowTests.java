/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The chat page's returns desk on the mock provider: the workflow moves from intake through inspection to the label,
 * carrying the item it recorded, over the JSON and the streaming API, each request resuming it by id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "OPENAI_API_KEY=",
        "ANTHROPIC_API_KEY=", "GEMINI_API_KEY=", "GOOGLE_API_KEY=", "OLLAMA_HOST=", "promptkit.mock.chunk-delay=0ms" })
@AutoConfigureWebTestClient(timeout = "PT30S")
class ReturnsWorkflowTests {

    @Autowired
    private WebTestClient client;

    @Test
    void aReturnMovesThroughTheWorkflowToItsLabel() {
        String id = open();

        client.post().uri("/api/workflows/{id}/messages", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "I want to return my kettle")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.answer.text").isEqualTo("Sorry about the kettle. Let me check whether it can be returned.")
                .jsonPath("$.answer.toolCalls[1].name").isEqualTo("workflow__transition")
                .jsonPath("$.workflow.state").isEqualTo("inspection")
                .jsonPath("$.workflow.artifacts.item").isEqualTo("kettle");

        List<ServerSentEvent<Map<String, Object>>> events = stream(id, "It arrived broken");
        assertThat(events).extracting(ServerSentEvent::event).contains("text", "tool_call", "done")
                .endsWith("workflow");
        assertThat(events.get(events.size() - 1).data()).containsEntry("state", "label")
                .containsEntry("complete", true);

        client.post().uri("/api/workflows/{id}/messages", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "Where is my return label?")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.answer.text").isEqualTo("Your prepaid return label for the kettle is on its way by email.")
                .jsonPath("$.workflow.state").isEqualTo("label");
    }

    @Test
    void anUnknownWorkflowIsA404() {
        client.post().uri("/api/workflows/{id}/messages", "no-such-workflow").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "hello")).exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.detail").isEqualTo("Workflow 'no-such-workflow': the state store holds nothing under"
                        + " this id");
    }

    private String open() {
        return client.post().uri("/api/workflows").exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody().get("id").toString();
    }

    private List<ServerSentEvent<Map<String, Object>>> stream(String id, String text) {
        return client.get().uri(builder -> builder.path("/api/workflows/{id}/stream").queryParam("text", text)
                .build(id)).accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody().collectList().block();
    }
}
