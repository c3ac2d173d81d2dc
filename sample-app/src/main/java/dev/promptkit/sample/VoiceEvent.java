/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.promptkit.sdk.StreamChunk;
import dev.promptkit.types.ToolCall;
import java.util.Locale;

/**
 * A JSON event of the voice socket: {@code ready} (with the conversation id), {@code input_transcript},
 * {@code output_transcript} and {@code text} pieces, {@code tool_call}, {@code interrupted}, {@code turn_complete}
 * (the stored turn with its tokens and cost) and {@code error} (a frame that could not be relayed). The model's
 * speech travels in binary frames instead.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VoiceEvent(String type, String text, ToolCall toolCall, ChatResponse turn, String message,
        String conversationId) {

    static VoiceEvent ready(String conversationId) {
        return new VoiceEvent("ready", null, null, null, null, conversationId);
    }

    static VoiceEvent error(String message) {
        return new VoiceEvent("error", null, null, null, message, null);
    }

    /** The event of a chunk that is not audio. */
    static VoiceEvent of(StreamChunk chunk) {
        String type = chunk.type().name().toLowerCase(Locale.ROOT);
        return switch (chunk.type()) {
            case TEXT, REASONING, INPUT_TRANSCRIPT, OUTPUT_TRANSCRIPT, SPEECH_FAILED ->
                new VoiceEvent(type, chunk.text(), null, null, null, null);
            case TOOL_CALL -> new VoiceEvent(type, null, chunk.toolCall(), null, null, null);
            case TURN_COMPLETE -> new VoiceEvent(type, null, null, ChatResponse.of(chunk.response()), null, null);
            case INTERRUPTED -> new VoiceEvent(type, null, null, null, null, null);
            case AUDIO, MEDIA, DONE -> throw new IllegalArgumentException("no JSON event for a " + chunk.type()
                    + " chunk");
        };
    }
}
