/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * What the API does when requests meet on one conversation and the upstream fails between an approval and the
 * answer: one of several concurrent turns is stored, the others get 409; a message while a refund waits gets 409;
 * an approved refund whose answer failed runs once, however often it is approved again; strict request bodies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "OPENAI_API_KEY=",
        "ANTHROPIC_API_KEY=", "GEMINI_API_KEY=", "GOOGLE_API_KEY=", "OLLAMA_HOST=" })
@AutoConfigureWebTestClient(timeout = "PT30S")
class ConversationIntegrityTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class Upstream {

        @Bean
        ControllableMock controllableMock() {
            return new ControllableMock();
        }
    }

    @Autowired
    private WebTestClient client;

    @Autowired
    private ControllableMock mock;

    @Autowired
    private OrderTools orders;

    @AfterEach
    void behaveAgain() {
        mock.release();
        mock.failNext(0);
    }

    private String openConversation() {
        return client.post().uri("/api/conversations").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, String>>() { }).returnResult()
                .getResponseBody().get("id");
    }

    private WebTestClient.ResponseSpec post(String uri, Object body, Object... variables) {
        return client.post().uri(uri, variables).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private List<Map<String, Object>> history(String id) {
        return client.get().uri("/api/conversations/{id}/messages", id).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody();
    }

    private String heldRefund(String id) {
        post("/api/conversations/{id}/messages", Map.of("text", "I want a big refund for A-1001"), id)
                .expectStatus().isOk().expectBody().jsonPath("$.pendingTools[0].name").isEqualTo("process_refund");
        return (String) client.get().uri("/api/conversations/{id}/approvals", id).exchange()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody().get(0).get("id");
    }

    @Test
    void tenConcurrentMessagesToOneConversationStoreOneTurnAndGetNineConflicts() {
        String id = openConversation();
        mock.holdUntil(10);

        List<EntityExchangeResult<String>> results = Flux.range(0, 10)
                .flatMap(n -> Flux.defer(() -> Flux.just(post("/api/conversations/{id}/messages",
                        Map.of("text", "hello number " + n), id).expectBody(String.class).returnResult()))
                        .subscribeOn(Schedulers.boundedElastic()))
                .collectList().block();

        assertThat(results).extracting(result -> result.getStatus().value()).containsOnly(200, 409)
                .containsOnlyOnce(200);
        assertThat(results).filteredOn(result -> result.getStatus().value() == 409).allSatisfy(result -> assertThat(
                result.getResponseBody()).contains(id).contains("nothing of the turn was stored"));
        assertThat(history(id)).extracting(message -> message.get("role")).containsExactly("user", "assistant");
    }

    @Test
    void aMessageWhileARefundWaitsIsRefusedAndTheHistoryStaysInOrder() {
        String id = openConversation();
        String callId = heldRefund(id);
        List<Map<String, Object>> held = history(id);

        post("/api/conversations/{id}/messages", Map.of("text", "hello?"), id).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(callId)
                        .contains("waiting for approval"));
        assertThat(history(id)).isEqualTo(held);

        post("/api/conversations/{id}/approvals/{call}", Map.of("approve", false, "reason", "not eligible"), id,
                callId).expectStatus().isOk();
        post("/api/conversations/{id}/messages", Map.of("text", "hello again"), id).expectStatus().isOk();

        assertThat(history(id)).extracting(message -> message.get("role")).containsExactly("user", "assistant", "tool",
                "assistant", "user", "assistant");
    }

    @Test
    void anApprovedRefundWhoseAnswerFailedRunsOnceAndTheSameApprovalCarriesTheTurnOn() {
        String id = openConversation();
        String callId = heldRefund(id);
        List<Map<String, Object>> held = history(id);
        int refundsBefore = orders.refundCount();
        mock.failNext(1);

        post("/api/conversations/{id}/approvals/{call}", Map.of("approve", true), id, callId)
                .expectStatus().is5xxServerError();
        assertThat(history(id)).as("the failed turn stored nothing").isEqualTo(held);
        assertThat(orders.refundCount()).isEqualTo(refundsBefore + 1);

        post("/api/conversations/{id}/approvals/{call}", Map.of("approve", true), id, callId)
                .expectStatus().isOk().expectBody().jsonPath("$.text")
                .value(text -> assertThat((String) text).startsWith("Your refund of $250"));
        assertThat(orders.refundCount()).as("approving again ran nothing twice").isEqualTo(refundsBefore + 1);
        assertThat(history(id)).extracting(message -> message.get("role")).containsExactly("user", "assistant", "tool",
                "assistant");
        post("/api/conversations/{id}/approvals/{call}", Map.of("approve", false), id, callId)
                .expectStatus().isNotFound();
    }

    @Test
    void requestBodiesAreReadStrictly() {
        String id = openConversation();
        String callId = heldRefund(id);
        for (String body : List.of("{\"approve\":\"true\"}", "{\"approve\":1}", "{}", "{\"approve\":null}",
                "{\"approve\":false,\"approve\":true}")) {
            EntityExchangeResult<String> result = client.post().uri("/api/conversations/{id}/approvals/{call}", id,
                    callId).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectBody(String.class)
                    .returnResult();
            assertThat(result.getStatus().value()).as(body).isEqualTo(400);
            assertThat(result.getResponseHeaders().getContentType()).as(body)
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(client.get().uri("/api/conversations/{id}/approvals", id).exchange()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody()).as("still waiting").hasSize(1);
        for (String body : List.of("{\"text\":5}", "{\"text\":true}", "{\"text\":\"a\",\"text\":\"b\"}",
                "{\"text\":\"half an emoji \\ud83d\"}")) {
            assertThat(client.post().uri("/api/conversations/{id}/messages", openConversation())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectBody(String.class)
                    .returnResult().getStatus().value()).as(body).isEqualTo(400);
        }
    }

    @Test
    void aBodyLargerThanTheBufferLimitIs413() {
        String id = openConversation();
        client.post().uri("/api/conversations/{id}/messages", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"" + "x".repeat(300 * 1024) + "\"}").exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("too large"));
    }
}
