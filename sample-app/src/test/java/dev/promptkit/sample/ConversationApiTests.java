/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "OPENAI_API_KEY=",
        "ANTHROPIC_API_KEY=", "GEMINI_API_KEY=", "GOOGLE_API_KEY=", "OLLAMA_HOST=", "promptkit.mock.chunk-delay=0ms" })
@AutoConfigureWebTestClient(timeout = "PT30S")
class ConversationApiTests {

    @Autowired
    private WebTestClient client;

    @Autowired
    private OrderTools orders;

    private String openConversation() {
        return client.post().uri("/api/conversations").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, String>>() { }).returnResult()
                .getResponseBody().get("id");
    }

    private WebTestClient.ResponseSpec send(String id, String text) {
        return client.post().uri("/api/conversations/{id}/messages", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", text)).exchange();
    }

    @Test
    void aChatMessageIsAnsweredByTheMockProviderWithTokensAndCost() {
        String id = openConversation();

        String body = send(id, "Hello there").expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
        Map<String, Object> answer = JsonMapper.shared().readValue(body, new TypeReference<Map<String, Object>>() { });

        assertThat((String) answer.get("text")).startsWith("Hello! I'm Ada");
        long tokens = ((Number) answer.get("inputTokens")).longValue() + ((Number) answer.get("outputTokens")).longValue();
        assertThat(tokens).isPositive();
        // the mock's price is $10 per million tokens: the JSON number is that exactly, without binary noise
        assertThat(body).contains("\"cost\":" + BigDecimal.valueOf(tokens * 10).movePointLeft(6).stripTrailingZeros()
                .toPlainString() + ",");

        client.get().uri("/api/conversations/{id}/messages", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].role").isEqualTo("user")
                .jsonPath("$[1].role").isEqualTo("assistant");
    }

    @Test
    void anOrderQuestionRunsTheLookupToolMethod() {
        String id = openConversation();

        send(id, "Where is my order A-1001?").expectStatus().isOk().expectBody()
                .jsonPath("$.toolCalls[0].name").isEqualTo("lookup_order")
                .jsonPath("$.text").value(text -> assertThat((String) text).startsWith("Order A-1001"));

        client.get().uri("/api/conversations/{id}/messages", id).exchange().expectBody()
                .jsonPath("$[2].role").isEqualTo("tool")
                .jsonPath("$[2].tool_result.content").value(content -> assertThat((String) content)
                        .contains("\"orderId\":\"A-1001\"").contains("\"status\":\"shipped\""));
    }

    @Test
    void aLargeRefundWaitsForApprovalThenTheTurnGoesOn() {
        String id = openConversation();

        send(id, "I want a big refund for A-1001").expectStatus().isOk().expectBody()
                .jsonPath("$.pendingTools[0].name").isEqualTo("process_refund")
                .jsonPath("$.pendingTools[0].message").isEqualTo("Refunds over $100 need a supervisor's approval");
        List<Map<String, Object>> waiting = client.get().uri("/api/conversations/{id}/approvals", id).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        assertThat(waiting).hasSize(1);
        int refundsBefore = orders.refundCount();

        client.post().uri("/api/conversations/{id}/approvals/{call}", id, waiting.get(0).get("id"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("approve", true)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.text").value(text -> assertThat((String) text).startsWith("Your refund of $250"));
        assertThat(orders.refundCount()).isEqualTo(refundsBefore + 1);
        assertThat(orders.refunds().get(orders.refundCount() - 1).amount()).isEqualByComparingTo("250");

        client.post().uri("/api/conversations/{id}/approvals/{call}", id, waiting.get(0).get("id"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("approve", true)).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aRejectedRefundIsExplainedToTheModelAndNeverRuns() {
        String id = openConversation();
        send(id, "I want a big refund for A-1002").expectStatus().isOk();
        String callId = (String) client.get().uri("/api/conversations/{id}/approvals", id).exchange()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody().get(0).get("id");

        client.post().uri("/api/conversations/{id}/approvals/{call}", id, callId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("approve", false, "reason", "not eligible"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.text").value(text -> assertThat((String) text)
                        .startsWith("I'm sorry: a supervisor did not approve the $250 refund")
                        .doesNotContain("is done"));

        client.get().uri("/api/conversations/{id}/messages", id).exchange().expectBody()
                .jsonPath("$[2].tool_result.error").isEqualTo("a reviewer rejected this call: not eligible")
                .jsonPath("$[2].tool_result.error_type").isEqualTo("approval");
    }

    private List<ServerSentEvent<Map<String, Object>>> stream(String id, String text) {
        return client.get().uri("/api/conversations/{id}/stream?text={text}", id, text)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody().collectList().block();
    }

    @Test
    void theStreamSendsTextEventsThenTheTurnsTotals() {
        String id = openConversation();

        List<ServerSentEvent<Map<String, Object>>> events = stream(id, "thanks a lot");

        ServerSentEvent<Map<String, Object>> done = events.get(events.size() - 1);
        assertThat(done.event()).isEqualTo("done");
        assertThat(done.data()).as("the text came in pieces; the end does not repeat it").containsEntry("text", null)
                .containsKeys("inputTokens", "outputTokens", "cost");
        List<ServerSentEvent<Map<String, Object>>> text = events.subList(0, events.size() - 1);
        assertThat(text).hasSizeGreaterThan(1).allMatch(event -> "text".equals(event.event()));
        String streamed = String.join("", text.stream().map(event -> (String) event.data().get("text")).toList());
        assertThat(streamed).startsWith("You're welcome!");
    }

    @Test
    void theStreamSendsTheModelsReasoningAsItsOwnEventsBeforeTheText() {
        String id = openConversation();

        List<ServerSentEvent<Map<String, Object>>> events = stream(id, "how long does shipping take?");

        assertThat(events.get(0).event()).isEqualTo("reasoning");
        String reasoning = String.join("", events.stream().filter(event -> "reasoning".equals(event.event()))
                .map(event -> (String) event.data().get("text")).toList());
        String text = String.join("", events.stream().filter(event -> "text".equals(event.event()))
                .map(event -> (String) event.data().get("text")).toList());
        assertThat(reasoning).isEqualTo("The customer asks about timing. Orders ship within two working days; refunds"
                + " take five.");
        assertThat(text).isEqualTo("Orders ship within two working days, and a refund reaches you within five.");
        client.get().uri("/api/conversations/{id}/messages", id).exchange().expectBody()
                .jsonPath("$[1].reasoning.text").isEqualTo(reasoning).jsonPath("$[1].content").isEqualTo(text);
    }

    @Test
    void aForkCopiesTheHistoryUnderANewId() {
        String id = openConversation();
        send(id, "hello").expectStatus().isOk();

        String fork = client.post().uri("/api/conversations/{id}/fork", id).exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, String>>() { }).returnResult()
                .getResponseBody().get("id");
        send(fork, "thanks").expectStatus().isOk();

        assertThat(fork).startsWith(id + "-fork-");
        client.get().uri("/api/conversations/{id}/messages", id).exchange().expectBody().jsonPath("$.length()")
                .isEqualTo(2);
        client.get().uri("/api/conversations/{id}/messages", fork).exchange().expectBody().jsonPath("$.length()")
                .isEqualTo(4);
    }

    @Test
    void badRequestsGetProblemDetails() {
        send("no-such-id", "hi").expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("no-such-id"));
        String id = openConversation();
        send(id, " ").expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
                .isEqualTo("The message text must not be empty");
        send(id, "x".repeat(4001)).expectStatus().isEqualTo(413).expectBody().jsonPath("$.detail")
                .isEqualTo("The text has 4001 characters; the limit is 4000 (sample.max-message-length)");
        client.post().uri("/api/conversations/{id}/messages", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\": ").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.trace").doesNotExist();
        client.post().uri("/api/conversations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("prompt", "sales")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("'sales'").contains("[support]"));
    }

    @Test
    void userTextIsNeverRenderedAsATemplate() {
        String id = openConversation();
        send(id, "hello {{company}} {{fragments.tone}}").expectStatus().isOk();
        client.get().uri("/api/conversations/{id}/messages", id).exchange().expectBody()
                .jsonPath("$[0].content").isEqualTo("hello {{company}} {{fragments.tone}}");
    }
}
