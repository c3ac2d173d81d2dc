/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.types.Message;
import dev.promptkit.types.OpaqueReasoning;
import dev.promptkit.types.ReasoningTrace;
import dev.promptkit.types.ValidationResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Reasoning streams as its own chunks, is stored with the turn, and never reaches the validators. */
class ReasoningTurnTests {

    private static final String SCRIPT = """
            turns:
              - content: "The answer is 21."
                reasoning: "1071 = 2 x 462 + 147; 462 = 3 x 147 + 21; darn, 147 = 7 x 21."
            """;

    private final InMemoryStateStore store = new InMemoryStateStore();

    private static Pack pack(String validatorsJson) {
        String json = """
                {"id": "reasoning-test", "name": "Reasoning test", "version": "1.0.0",
                 "template_engine": {"version": "v1", "syntax": "{{variable}}"},
                 "prompts": {"chat": {"id": "chat", "name": "Chat", "version": "1.0.0",
                   "system_template": "You compute.", "validators": %s}}}
                """.formatted(validatorsJson);
        return PackLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "reasoning-test");
    }

    private Conversation open(String validatorsJson, String script) {
        MockProvider mock = MockProvider.builder().script(MockScript.parse(script)).chunkSize(16).build();
        return PromptKit.open(pack(validatorsJson), "chat",
                ConversationOptions.builder().provider(mock).stateStore(store).build());
    }

    @Test
    void streamsReasoningChunksBeforeTheTextAndStoresTheReasoningWithTheAnswer() {
        Conversation chat = open("[]", SCRIPT);

        List<StreamChunk> chunks = chat.stream("GCD of 1071 and 462?").collectList().block();

        assertThat(chunks).extracting(StreamChunk::type).containsExactly(StreamChunk.Type.REASONING,
                StreamChunk.Type.REASONING, StreamChunk.Type.REASONING, StreamChunk.Type.REASONING,
                StreamChunk.Type.TEXT, StreamChunk.Type.TEXT, StreamChunk.Type.DONE);
        String reasoning = String.join("", chunks.stream().filter(StreamChunk::isReasoning).map(StreamChunk::text)
                .toList());
        assertThat(reasoning).isEqualTo("1071 = 2 x 462 + 147; 462 = 3 x 147 + 21; darn, 147 = 7 x 21.");
        Response response = chunks.get(chunks.size() - 1).response();
        assertThat(response.text()).isEqualTo("The answer is 21.");
        assertThat(response.reasoning()).isEqualTo(reasoning);
        Message stored = chat.messages().get(1);
        assertThat(stored.content()).isEqualTo("The answer is 21.");
        assertThat(stored.reasoning().text()).isEqualTo(reasoning);
    }

    @Test
    void validatorsCheckTheAnswerAndNeverTheReasoning() {
        String banned = """
                [{"type": "banned_words", "params": {"words": ["darn"]}}]""";

        Response clean = open(banned, SCRIPT).send("GCD?");
        Response dirty = open(banned, "defaultResponse: \"Darn, it is 21.\"").send("GCD?");

        assertThat(clean.validations()).extracting(ValidationResult::passed).containsOnly(true);
        assertThat(clean.reasoning()).contains("darn");
        assertThat(dirty.validations()).extracting(ValidationResult::passed).containsExactly(false);
    }

    @Test
    void aTurnWithoutReasoningHasNone() {
        Response response = open("[]", "defaultResponse: \"Hi.\"").send("Hello");

        assertThat(response.reasoning()).isEmpty();
        assertThat(response.message().reasoning()).isNull();
    }

    @Test
    void storedReasoningRoundTripsThroughTheGoOriginalsJsonShape() {
        Message message = Message.assistant("21").withReasoning(new ReasoningTrace("Euclid.", List.of(
                new OpaqueReasoning("anthropic", OpaqueReasoning.THINKING_SIGNATURE, "EqQBCgIYAh", "Euclid.")),
                false));
        JsonMapper json = JsonMapper.shared();

        String written = json.writeValueAsString(message);

        assertThat(json.readTree(written).get("reasoning")).isEqualTo(json.readTree("""
                {"text": "Euclid.", "opaque": [{"provider": "anthropic", "kind": "thinking_signature",
                  "data": "EqQBCgIYAh", "text": "Euclid."}]}"""));
        assertThat(json.readValue(written, Message.class)).isEqualTo(message);
        assertThat(json.readValue("{\"role\":\"assistant\",\"content\":\"21\",\"reasoning\":{\"text\":\"Hm.\","
                + "\"redacted\":true}}", Message.class).reasoning()).isEqualTo(new ReasoningTrace("Hm.", null, true));
        assertThat(json.readValue("{\"role\":\"assistant\",\"content\":\"21\",\"reasoning\":\"Euclid.\"}",
                Message.class).reasoning()).as("bare text").isEqualTo(new ReasoningTrace("Euclid.", null, false));
    }
}
