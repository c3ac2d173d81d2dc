/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.http.SseEvent;
import dev.promptkit.types.TokenUsage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenerateContentStreamDecoderTests {

    @ParameterizedTest
    @CsvSource({ "STOP, stop", "MAX_TOKENS, length", "SAFETY, content_filter", "RECITATION, content_filter",
            "BLOCKLIST, content_filter", "PROHIBITED_CONTENT, content_filter", "SPII, content_filter",
            "MALFORMED_FUNCTION_CALL, error", "UNEXPECTED_TOOL_CALL, error", "LANGUAGE, language", "OTHER, other" })
    void translatesGeminisFinishReason(String geminiReason, String finishReason) {
        GenerateContentStreamDecoder decoder = new GenerateContentStreamDecoder("gemini");

        assertThat(decoder.decode(event("{\"candidates\": [{\"content\": {\"role\": \"model\"}, \"finishReason\": \""
                + geminiReason + "\", \"index\": 0}]}"))).isEmpty();
        assertThat(decoder.finish()).containsExactly(ProviderChunk.finish(finishReason, TokenUsage.NONE));
    }

    private static SseEvent event(String data) {
        return new SseEvent(SseEvent.DEFAULT_EVENT, data, null);
    }
}
