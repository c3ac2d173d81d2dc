/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.types.ResponseFormat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

class StructuredOutputTests {

    record Order(String id, List<String> items, double total) {
    }

    private final RecordingProvider provider = new RecordingProvider(MockProvider.builder().script(MockScript.parse("""
            turns:
              - '{"id": "A-1", "items": ["kettle", "mug"], "total": 42.5, "extra": true}'
              - "```json\\n[{\\"id\\": \\"A-2\\", \\"items\\": [], \\"total\\": 0}]\\n```"
              - "Sorry, I cannot answer in JSON."
            """)).build());

    private Conversation open(ConversationOptions.Builder options) {
        return PromptKit.open(PackLoader.load(Path.of("src/test/resources/sdk/assistant.pack.json")), "summary",
                options.provider(provider).build());
    }

    @Test
    void jsonModeAsksTheProviderForJsonAndTheAnswerReadsIntoARecord() {
        Conversation chat = open(ConversationOptions.builder().jsonMode());

        Order order = chat.send("order A-1").as(Order.class);

        assertThat(order).isEqualTo(new Order("A-1", List.of("kettle", "mug"), 42.5));
        assertThat(provider.lastRequest().responseFormat()).isEqualTo(ResponseFormat.JSON_OBJECT);
    }

    @Test
    void aFencedArrayReadsIntoAGenericTypeAndInvalidJsonShowsTheAnswer() {
        Conversation chat = open(ConversationOptions.builder());
        chat.send("first");

        List<Order> orders = chat.send("list").as(new TypeReference<List<Order>>() { });
        assertThat(orders).containsExactly(new Order("A-2", List.of(), 0));

        Response prose = chat.send("third");
        assertThatThrownBy(() -> prose.as(Order.class)).isInstanceOf(StructuredOutputException.class)
                .hasMessageContaining(Order.class.getName())
                .hasMessageContaining("The answer was: Sorry, I cannot answer in JSON.");
    }
}
