/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.duplex.AudioFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a duplex conversation's session is set up in ASM mode (see {@link ConversationOptions.Builder#duplex}): the
 * voice to answer with ({@code null} for the provider's default), the format of the audio the caller sends (16 kHz
 * mono PCM16 by default; providers convert it to what they speak), whether the model answers with audio (the
 * default) or text only, and provider-specific options (for OpenAI Realtime {@code turn_detection} and
 * {@code transcription_model}). VAD mode takes its voice from its {@link dev.promptkit.voice.VadModeConfig} and
 * always speaks; it converts whatever audio comes.
 *
 * @since 0.1.0
 */
public record DuplexOptions(String voice, AudioFormat inputAudioFormat, boolean audioOutput,
        Map<String, Object> providerOptions) {

    /** The provider's voice, 16 kHz mono input, audio answers, no provider options. */
    public static final DuplexOptions DEFAULTS = new DuplexOptions(null, AudioFormat.PCM16_16KHZ_MONO, true, Map.of());

    public DuplexOptions {
        Objects.requireNonNull(inputAudioFormat, "inputAudioFormat");
        providerOptions = providerOptions == null ? Map.of() : Map.copyOf(providerOptions);
    }

    public DuplexOptions withVoice(String newVoice) {
        return new DuplexOptions(newVoice, inputAudioFormat, audioOutput, providerOptions);
    }

    public DuplexOptions withInputAudioFormat(AudioFormat format) {
        return new DuplexOptions(voice, format, audioOutput, providerOptions);
    }

    /** These options, with the model answering in text only. */
    public DuplexOptions textOnly() {
        return new DuplexOptions(voice, inputAudioFormat, false, providerOptions);
    }

    public DuplexOptions withProviderOption(String key, Object value) {
        Map<String, Object> options = new HashMap<>(providerOptions);
        options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new DuplexOptions(voice, inputAudioFormat, audioOutput, options);
    }
}
