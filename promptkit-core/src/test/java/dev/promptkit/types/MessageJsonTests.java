/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
                new CostInfo(10, 5, 0, new BigDecimal("0.1"), new BigDecimal("0.05"), BigDecimal.ZERO,
                        new BigDecimal("0.15")), "tool_calls",
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

    @Test
    void costInfoIsWrittenAsTheGoOriginalWritesItWithExactAmountsInPlainNotation() {
        CostInfo cost = new CostInfo(7, 3, 0, new BigDecimal("0.00000105"), new BigDecimal("0.0000018"), null,
                new BigDecimal("0.00000285"));

        assertThat(json.writeValueAsString(cost)).isEqualTo("{\"input_tokens\":7,\"output_tokens\":3,"
                + "\"input_cost_usd\":0.00000105,\"output_cost_usd\":0.0000018,\"total_cost_usd\":0.00000285}");
        assertThat(json.writeValueAsString(CostInfo.ZERO)).isEqualTo("{\"input_tokens\":0,\"output_tokens\":0,"
                + "\"input_cost_usd\":0,\"output_cost_usd\":0,\"total_cost_usd\":0}");
        assertThat(json.writeValueAsString(new CostInfo(100, 0, 20, BigDecimal.ONE, null, new BigDecimal("0.000001"),
                new BigDecimal("1.000001")))).contains("\"cached_tokens\":20", "\"cached_cost_usd\":0.000001");
    }

    @Test
    void cacheWritesAndReasoningAreWrittenOnlyWhenThereAreSomeAndReadBackExactly() {
        CostInfo cost = new CostInfo(14, 187, 1800, new BigDecimal("0.000042"), new BigDecimal("0.002805"),
                new BigDecimal("0.00054"), new BigDecimal("0.004317"), 248, new BigDecimal("0.00093"), 162);

        String written = json.writeValueAsString(cost);

        assertThat(written).contains("\"cache_write_tokens\":248", "\"cache_write_cost_usd\":0.00093",
                "\"reasoning_tokens\":162");
        assertThat(json.readValue(written, CostInfo.class)).isEqualTo(cost);
        assertThat(json.writeValueAsString(CostInfo.ZERO)).doesNotContain("cache_write", "reasoning");
    }

    @Test
    void costInfoWrittenWithDoublesByTheGoOriginalOrAnEarlierVersionLoadsExactly() {
        String go = "{\"input_tokens\":1200,\"output_tokens\":310,\"input_cost_usd\":0.0012,"
                + "\"output_cost_usd\":0.0012400000000000002,\"total_cost_usd\":0.0024400000000000003,"
                + "\"provider_name\":\"openai\",\"latency_ns\":812000000}";
        String earlier = "{\"input_tokens\":12,\"output_tokens\":3,\"total_cost_usd\":1.5E-4}";

        CostInfo fromGo = json.readerFor(CostInfo.class)
                .without(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(go);
        CostInfo fromEarlier = json.readValue(earlier, CostInfo.class);

        assertThat(fromGo.totalCostUsd()).isEqualTo(new BigDecimal("0.0024400000000000003"));
        assertThat(fromGo.cachedCostUsd()).isEqualTo(BigDecimal.ZERO);
        assertThat(fromGo.plus(fromGo).totalCostUsd()).isEqualTo(new BigDecimal("0.0048800000000000006"));
        assertThat(fromEarlier.totalCostUsd()).isEqualTo(new BigDecimal("0.00015"));
        assertThat(fromEarlier.inputCostUsd()).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void equalAmountsWithDifferentScalesAreEqual() {
        assertThat(new CostInfo(1, 1, 0, new BigDecimal("0.10"), new BigDecimal("2.000"), null, new BigDecimal("2.1")))
                .isEqualTo(new CostInfo(1, 1, 0, new BigDecimal("0.1"), new BigDecimal("2"), BigDecimal.ZERO,
                        new BigDecimal("2.10")));
    }
}
