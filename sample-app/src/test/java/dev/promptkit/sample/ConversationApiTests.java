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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ConversationApiTests {

    @Autowired
    private WebTestClient client;

    private String openConversation() {
        Map<String, String> created = client.post().uri("/api/conversations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, String>>() { })
                .returnResult().getResponseBody();
        return created.get("id");
    }

    @Test
    void aChatMessageIsAnsweredByTheMockProviderWithTokensAndCost() {
        String id = openConversation();

        client.post().uri("/api/conversations/{id}/messages", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "Hello there")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.text").value(text -> assertThat((String) text).startsWith("Hello! I'm Ada"))
                .jsonPath("$.inputTokens").value(tokens -> assertThat(((Number) tokens).longValue()).isPositive())
                .jsonPath("$.cost").value(cost -> assertThat(((Number) cost).doubleValue()).isPositive());

        client.get().uri("/api/conversations/{id}/messages", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].role").isEqualTo("user")
                .jsonPath("$[1].role").isEqualTo("assistant");
    }

    @Test
    void theStreamSendsTextEventsThenTheWholeResponse() {
        String id = openConversation();

        List<ServerSentEvent<Map<String, Object>>> events = client.get()
                .uri("/api/conversations/{id}/stream?text={text}", id, "thanks a lot")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody().collectList().block();

        ServerSentEvent<Map<String, Object>> done = events.get(events.size() - 1);
        assertThat(done.event()).isEqualTo("done");
        List<ServerSentEvent<Map<String, Object>>> text = events.subList(0, events.size() - 1);
        assertThat(text).hasSizeGreaterThan(1).allMatch(event -> "text".equals(event.event()));
        String streamed = String.join("", text.stream().map(event -> (String) event.data().get("text")).toList());
        assertThat(streamed).isEqualTo(done.data().get("text")).startsWith("You're welcome!");
    }

    @Test
    void anUnknownConversationIsA404ProblemAndEmptyTextA400() {
        client.post().uri("/api/conversations/{id}/messages", "no-such-id").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "hi")).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("no-such-id"));

        String id = openConversation();
        client.post().uri("/api/conversations/{id}/messages", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", " ")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("The message text must not be empty");
    }

    @Test
    void anUnknownPromptIsA400NamingThePrompts() {
        client.post().uri("/api/conversations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("prompt", "sales")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("'sales'").contains("[support]"));
    }
}
