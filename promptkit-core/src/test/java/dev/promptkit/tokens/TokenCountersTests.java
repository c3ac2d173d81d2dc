/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.types.Message;
import dev.promptkit.types.ToolCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenCountersTests {

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4o", "gpt-4o-mini", "gpt-4o-2024-08-06", "chatgpt-4o-latest", "gpt-4.1-nano",
            "gpt-5", "gpt-5.1-mini", "o1", "o3-mini", "o4-mini", "GPT-4o", "ft:gpt-4o-mini:acme::abc123",
            "openai/gpt-4o"})
    void countsO200kModelsWithO200kBase(String model) {
        TokenCounter counter = TokenCounters.forModel(model);

        assertThat(counter.count("hello world")).isEqualTo(2);
        assertThat(counter.count("こんにちは世界")).isEqualTo(2);
        assertThat(counter.count("안녕하세요, 세계")).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4", "gpt-4-turbo", "gpt-4-0613", "gpt-3.5-turbo", "text-embedding-3-small",
            "text-embedding-ada-002"})
    void countsCl100kModelsWithCl100kBase(String model) {
        TokenCounter counter = TokenCounters.forModel(model);

        assertThat(counter.count("hello world")).isEqualTo(2);
        assertThat(counter.count("こんにちは世界")).isEqualTo(4);
        assertThat(counter.count("안녕하세요, 세계")).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"claude-sonnet-4-5", "gemini-2.5-flash", "llama3.2", "mock-model", "omni-moderation-latest"})
    void estimatesOtherModelsAtFourCharactersPerToken(String model) {
        TokenCounter counter = TokenCounters.forModel(model);

        assertThat(counter).isInstanceOf(CharacterRatioTokenCounter.class);
        assertThat(counter.count("hello world")).isEqualTo(3);
    }

    @Test
    void estimatesWhenNoModelIsNamed() {
        assertThat(TokenCounters.forModel(null)).isInstanceOf(CharacterRatioTokenCounter.class);
    }

    @Test
    void loadsEachEncodingOnce() {
        assertThat(TokenCounters.forModel("gpt-4o")).isSameAs(TokenCounters.forModel("o3-mini"));
        assertThat(TokenCounters.forModel("gpt-4")).isSameAs(TokenCounters.forModel("gpt-3.5-turbo"))
                .isNotSameAs(TokenCounters.forModel("gpt-4o"));
    }

    @Test
    void countsSpecialTokensAsOrdinaryText() {
        assertThat(TokenCounters.forModel("gpt-4o").count("<|endoftext|>")).isEqualTo(7);
        assertThat(TokenCounters.forModel("gpt-4o").count("")).isZero();
        assertThat(TokenCounters.forModel("gpt-4o").count((String) null)).isZero();
    }

    @Test
    void aMessageInARequestCostsItsTextToolCallsAndTheOverhead() {
        TokenCounter counter = TokenCounters.forModel("gpt-4o");
        ToolCall call = ToolCall.of("call_1", "get_weather", Map.of("city", "Paris"));

        assertThat(counter.countInContext(Message.user("hello world"))).isEqualTo(2 + TokenCounter.MESSAGE_OVERHEAD);
        assertThat(counter.countInContext(Message.assistant(null, List.of(call))))
                .isEqualTo(counter.count(call.argumentsJson()) + counter.count("get_weather")
                        + TokenCounter.MESSAGE_OVERHEAD);
    }
}
