/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.duplex;

import dev.promptkit.types.ModelParameters;
import dev.promptkit.types.ToolDescriptor;
import java.util.List;
import java.util.Map;

/**
 * What a {@link dev.promptkit.provider.DuplexProvider} needs to open a session: the model ({@code null} for the
 * provider's default realtime model), the rendered system instructions, the tools on offer, sampling parameters, the voice to
 * answer with ({@code null} for the provider's default), the format of the audio the caller will send,
 * whether the model should answer with audio (else text only), and provider-specific extras.
 *
 * @since 0.1.0
 */
public record DuplexSessionConfig(String model, String instructions, List<ToolDescriptor> tools,
        ModelParameters parameters, String voice, AudioFormat inputAudioFormat, boolean audioOutput,
        Map<String, Object> extra) {

    public DuplexSessionConfig {
        tools = tools == null ? List.of() : List.copyOf(tools);
        parameters = parameters == null ? ModelParameters.DEFAULTS : parameters;
        inputAudioFormat = inputAudioFormat == null ? AudioFormat.PCM16_16KHZ_MONO : inputAudioFormat;
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }
}
