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

class ToolCallTests {

    private final JsonMapper json = JsonMapper.shared();

    @Test
    void storesProviderDataWithTheMessageAndReadsItBack() {
        Message message = Message.assistant(null, List.of(new ToolCall("fc_1", "get_weather",
                json.readTree("{\"city\":\"Paris\"}"), Map.of("thoughtSignature", "CiQB0e2K"))));

        String stored = json.writeValueAsString(message);

        assertThat(json.readTree(stored).path("tool_calls").path(0)).isEqualTo(json.readTree("""
                {"id": "fc_1", "name": "get_weather", "args": {"city": "Paris"},
                 "provider_data": {"thoughtSignature": "CiQB0e2K"}}"""));
        assertThat(json.readValue(stored, Message.class).toolCalls()).isEqualTo(message.toolCalls());
    }

    @Test
    void leavesEmptyProviderDataOutAndReadsCallsStoredWithoutIt() {
        ToolCall call = ToolCall.of("call_1", "get_time", Map.of());

        assertThat(json.writeValueAsString(call)).isEqualTo("{\"id\":\"call_1\",\"name\":\"get_time\",\"args\":{}}");
        assertThat(json.readValue("{\"id\":\"call_1\",\"name\":\"get_time\",\"args\":{}}", ToolCall.class))
                .isEqualTo(call).extracting(ToolCall::providerData).isEqualTo(Map.of());
    }

    @Test
    void givesObjectArgumentsAsTheyAreAndAnythingElseAsAnEmptyObject() {
        assertThat(ToolCall.of("c", "t", Map.of("a", 1)).argumentsObject()).isEqualTo(json.readTree("{\"a\":1}"));
        assertThat(ToolCall.fromRawArguments("c", "t", "{not json").argumentsObject()).isEmpty();
        assertThat(new ToolCall("c", "t", null).argumentsObject()).isEmpty();
    }
}
