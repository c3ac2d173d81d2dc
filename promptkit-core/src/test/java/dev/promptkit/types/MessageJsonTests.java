/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MessageJsonTests {

    private final JsonMapper json = JsonMapper.shared();

    @Test
    void aMessageWithEveryFieldRoundTripsThroughJsonWithSnakeCaseNames() {
        Message message = new Message(Role.ASSISTANT, "Here", List.of(ContentPart.text("Here"),
                ContentPart.image(MediaContent.ofUrl("https://example.com/a.png", "image/png"))),
                List.of(ToolCall.of("call_1", "get_weather", Map.of("city", "Paris"))), null,
                java.time.Instant.parse("2026-01-01T00:00:00Z"), 12L,
                new CostInfo(10, 5, 0, 0.1, 0.05, 0, 0.15), "tool_calls",
                List.of(ValidationResult.fail("banned_words", "said a banned word", Map.of("word", "x"))),
                Map.of("model", "m"));

        String text = json.writeValueAsString(message);
        Message back = json.readValue(text, Message.class);

        assertThat(text).contains("\"tool_calls\"", "\"cost_info\"", "\"finish_reason\"", "\"latency_ms\"")
                .doesNotContain("cached_tokens");
        assertThat(back.toolCalls()).isEqualTo(message.toolCalls());
        assertThat(back.costInfo()).isEqualTo(message.costInfo());
        assertThat(back.parts()).isEqualTo(message.parts());
        assertThat(back.validations().get(0).validatorType()).isEqualTo("banned_words");
        assertThat(back.text()).isEqualTo("Here");
    }

    @Test
    void aToolResultMessageRoundTrips() {
        Message tool = Message.tool(ToolResult.failure("call_1", "get_weather", "city unknown", 3));
        Message back = json.readValue(json.writeValueAsString(tool), Message.class);
        assertThat(back.toolResult()).isEqualTo(tool.toolResult());
        assertThat(back.text()).contains("city unknown");
    }
}
