/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CharacterRatioTokenCounterTest {

    private final TokenCounter counter = new CharacterRatioTokenCounter();

    @Test
    void countsOneTokenPerFourCharactersRoundedUp() {
        assertThat(counter.count((String) null)).isZero();
        assertThat(counter.count("")).isZero();
        assertThat(counter.count("a")).isEqualTo(1);
        assertThat(counter.count("abcd")).isEqualTo(1);
        assertThat(counter.count("abcde")).isEqualTo(2);
        assertThat(counter.count("x".repeat(400))).isEqualTo(100);
    }

    @Test
    void countsUtf16CharactersSoAnEmojiIsTwo() {
        assertThat("\uD83D\uDE00").hasSize(2);
        assertThat(counter.count("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00")).isEqualTo(2);
    }

    @Test
    void countsAMessageByItsText() {
        assertThat(counter.count(Message.user("What is the weather?"))).isEqualTo(5);
    }

    @Test
    void countsToolCallArgumentsAsJson() {
        ToolCall call = ToolCall.of("call_0_get_weather", "get_weather", Map.of("city", "Paris"));
        assertThat(call.argumentsJson()).isEqualTo("{\"city\":\"Paris\"}");

        Message message = Message.assistant("Checking.", List.of(call));

        assertThat(counter.count(message)).isEqualTo(3 + 4);
    }

    @Test
    void countsAToolResultOnceWhetherOrNotItIsTheContent() {
        ToolResult result = ToolResult.success("call_0_get_weather", "get_weather", "{\"temp_c\":18}", 12);
        Message asBuilt = Message.tool(result);
        Message withoutContent = new Message(Role.TOOL, null, null, null, result, null, null, null, null, null,
                null);

        assertThat(counter.count(asBuilt)).isEqualTo(4);
        assertThat(counter.count(withoutContent)).isEqualTo(4);
    }
}
