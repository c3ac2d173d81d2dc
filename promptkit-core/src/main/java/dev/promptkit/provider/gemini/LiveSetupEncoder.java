/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import dev.promptkit.duplex.DuplexSessionConfig;
import dev.promptkit.provider.http.ParameterFields;
import dev.promptkit.types.ToolDescriptor;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the {@code setup} message that opens a Gemini Live session: the model (as {@code models/<name>}
 * unless it holds a slash), {@code generationConfig} with the response modality ({@code AUDIO} or
 * {@code TEXT}), the prebuilt voice and the sampling parameters Live takes, the system instructions as
 * {@code systemInstruction}, the tools as {@code functionDeclarations} (converted as for
 * {@code generateContent}), and input (and, with audio answers, output) audio transcription.
 */
final class LiveSetupEncoder {

    private static final ParameterFields GENERATION = ParameterFields.builder().temperature("temperature")
            .topP("topP").topK("topK").maxTokens("maxOutputTokens").build();

    private LiveSetupEncoder() {
    }

    static ObjectNode encode(String model, DuplexSessionConfig config) {
        ObjectNode message = JsonMapper.shared().createObjectNode();
        ObjectNode setup = message.putObject("setup").put("model", model.contains("/") ? model : "models/" + model);
        ObjectNode generation = setup.putObject("generationConfig");
        generation.putArray("responseModalities").add(config.audioOutput() ? "AUDIO" : "TEXT");
        if (config.audioOutput() && config.voice() != null) {
            generation.putObject("speechConfig").putObject("voiceConfig").putObject("prebuiltVoiceConfig")
                    .put("voiceName", config.voice());
        }
        GENERATION.write(config.parameters(), generation);
        if (config.instructions() != null && !config.instructions().isBlank()) {
            setup.putObject("systemInstruction").putArray("parts").addObject().put("text", config.instructions());
        }
        if (!config.tools().isEmpty()) {
            ArrayNode declarations = setup.putArray("tools").addObject().putArray("functionDeclarations");
            for (ToolDescriptor tool : config.tools()) {
                declarations.add(GenerateContentRequestEncoder.declaration(tool));
            }
        }
        setup.putObject("inputAudioTranscription");
        if (config.audioOutput()) {
            setup.putObject("outputAudioTranscription");
        }
        return message;
    }
}
