/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import dev.promptkit.duplex.DuplexSessionConfig;
import dev.promptkit.provider.http.ToolDeclarations;
import dev.promptkit.types.ToolDescriptor;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the {@code session.update} event that configures an OpenAI Realtime session (the GA interface):
 * {@code type: realtime}, the instructions, {@code output_modalities} ({@code audio} or {@code text}), PCM16
 * input and output at 24 kHz ({@code audio/pcm}), input transcription, server-side turn detection, the voice,
 * the tools as flat {@code function} declarations with {@code tool_choice: auto}, and
 * {@code max_output_tokens} when the prompt sets a maximum.
 *
 * <p>Extras read from {@link DuplexSessionConfig#extra()}: {@value #TURN_DETECTION} ({@code server_vad}, the
 * default, {@code semantic_vad}, or {@code none} to commit turns only on {@code triggerStart}) and
 * {@value #TRANSCRIPTION_MODEL} (default {@value #DEFAULT_TRANSCRIPTION_MODEL}).
 */
final class RealtimeSessionUpdate {

    /** The extra naming the turn detection. */
    static final String TURN_DETECTION = "turn_detection";
    /** The extra naming the input transcription model. */
    static final String TRANSCRIPTION_MODEL = "transcription_model";
    static final String DEFAULT_TRANSCRIPTION_MODEL = "whisper-1";
    static final int SAMPLE_RATE = 24_000;

    private static final String NO_TURN_DETECTION = "none";

    private RealtimeSessionUpdate() {
    }

    static ObjectNode encode(DuplexSessionConfig config) {
        ObjectNode event = JsonMapper.shared().createObjectNode().put("type", "session.update");
        ObjectNode session = event.putObject("session").put("type", "realtime");
        if (config.instructions() != null && !config.instructions().isBlank()) {
            session.put("instructions", config.instructions());
        }
        session.putArray("output_modalities").add(config.audioOutput() ? "audio" : "text");
        ObjectNode audio = session.putObject("audio");
        ObjectNode input = audio.putObject("input");
        pcm(input);
        input.putObject("transcription").put("model", extra(config, TRANSCRIPTION_MODEL, DEFAULT_TRANSCRIPTION_MODEL));
        String turnDetection = extra(config, TURN_DETECTION, "server_vad");
        if (NO_TURN_DETECTION.equals(turnDetection)) {
            input.putNull("turn_detection");
        }
        else {
            input.putObject("turn_detection").put("type", turnDetection);
        }
        ObjectNode output = audio.putObject("output");
        pcm(output);
        if (config.voice() != null) {
            output.put("voice", config.voice());
        }
        if (!config.tools().isEmpty()) {
            ArrayNode tools = session.putArray("tools");
            for (ToolDescriptor tool : config.tools()) {
                ToolDeclarations.describe(tools.addObject().put("type", "function"), tool, "parameters");
            }
            session.put("tool_choice", "auto");
        }
        if (config.parameters().maxTokens() != null) {
            session.put("max_output_tokens", config.parameters().maxTokens());
        }
        return event;
    }

    private static void pcm(ObjectNode direction) {
        direction.putObject("format").put("type", "audio/pcm").put("rate", SAMPLE_RATE);
    }

    private static String extra(DuplexSessionConfig config, String key, String fallback) {
        Object value = config.extra().get(key);
        return value == null ? fallback : value.toString();
    }
}
