/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import java.util.Objects;

/**
 * How duplex conversations talk: part of {@link ConversationOptions}.
 *
 * @param duplex how an ASM-mode session is set up (voice, input audio, audio or text answers)
 * @param vadMode VAD mode, on any text provider; {@code null} for ASM mode, a provider's realtime session
 *
 * @since 0.1.0
 */
public record VoiceOptions(DuplexOptions duplex, VadMode vadMode) {

    /** ASM mode with {@link DuplexOptions#DEFAULTS}. */
    public static final VoiceOptions DEFAULTS = new VoiceOptions(DuplexOptions.DEFAULTS, null);

    public VoiceOptions {
        Objects.requireNonNull(duplex, "duplex");
    }

    public VoiceOptions withDuplex(DuplexOptions options) {
        return new VoiceOptions(options, vadMode);
    }

    public VoiceOptions withVadMode(VadMode mode) {
        return new VoiceOptions(duplex, Objects.requireNonNull(mode, "vadMode"));
    }
}
