/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.http.StreamJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** The streaming read of a chunk must give what the tree read gives, or give up (null) and leave it to the tree. */
class ChatCompletionsChunkTests {

    private final StreamJson json = StreamJson.events("openai");

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\":\"x\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" token\"},\"logprobs\":null,"
                    + "\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"r4\"}",
            "{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}}]}",
            "{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null}",
            "{\"choices\":[],\"usage\":{\"prompt_tokens\":8,\"prompt_tokens_details\":{\"cached_tokens\":2}}}",
            "{\"choices\":[{\"delta\":{\"refusal\":\"no\",\"content\":7}},{\"delta\":{\"content\":\"second\"}}]}",
            "{\"choices\":[[1,{\"a\":[]}],{\"delta\":{\"content\":\"second\"}}]}",
            "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c\",\"function\":{\"name\":\"f\","
                    + "\"arguments\":\"{\\\"a\\\"\"}}]}}]}",
            "{\"choices\":[{\"delta\":{\"tool_calls\":{\"a\":{\"index\":1}}}}]}",
            "{\"choices\":[{\"delta\":{\"tool_calls\":null,\"content\":\"caf\\u00e9 \\ud83c\\udf6e\"}}]}",
            "{\"choices\":[{\"delta\":\"text\",\"finish_reason\":3}],\"usage\":[1],\"error\":\"no object\"}",
            "{\"choices\":{\"0\":{\"delta\":{\"content\":\"x\"}}},\"usage\":true}",
            "{\"choices\":[{\"finish_reason\":\"length\",\"delta\":{\"content\":\"a\",\"nested\":{\"content\":\"b\"}}}]}",
            "{}" })
    void readsWhatTheTreeReads(String payload) {
        ChatCompletionsChunk streamed = json.readStreaming(payload, ChatCompletionsChunk::read);

        assertThat(streamed).isNotNull().isEqualTo(ChatCompletionsChunk.of(JsonMapper.shared().readTree(payload)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"error\":{\"message\":\"boom\"}}", "[1]", "\"text\"", "", "  ", "{\"choices\":[]} {}",
            "{\"choices\":[],\"choices\":[{\"delta\":{\"content\":\"x\"}}]}",
            "{\"choices\":[{\"delta\":{\"content\":\"a\",\"content\":\"b\"}}]}",
            "{\"choices\":[{\"delta\":{\"content\":\"a\"}", "{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}x",
            "not json" })
    void leavesOtherPayloadsToTheTree(String payload) {
        assertThat(json.readStreaming(payload, ChatCompletionsChunk::read)).isNull();
    }
}
