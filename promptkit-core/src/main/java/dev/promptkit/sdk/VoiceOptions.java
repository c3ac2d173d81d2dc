/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.voice.TurnDetectorFactory;
import java.util.Objects;

/**
 * How duplex conversations talk: part of {@link ConversationOptions}.
 *
 * @param duplex how an ASM-mode session is set up (voice, input audio, audio or text answers)
 * @param vadMode VAD mode, on any text provider; {@code null} for ASM mode, a provider's realtime session
 * @param turnDetectors makes each VAD-mode session's turn detector; {@link TurnDetectorFactory#SILENCE} by default
 * @param spokenAnswers speech on the text turns of {@code stream}; {@code null} for text only
 *
 * @since 0.1.0
 */
public record VoiceOptions(DuplexOptions duplex, VadMode vadMode, TurnDetectorFactory turnDetectors,
        SpokenAnswers spokenAnswers) {

    /** ASM mode with {@link DuplexOptions#DEFAULTS}, the silence detector for VAD mode, text turns in text only. */
    public static final VoiceOptions DEFAULTS = new VoiceOptions(DuplexOptions.DEFAULTS, null,
            TurnDetectorFactory.SILENCE, null);

    public VoiceOptions {
        Objects.requireNonNull(duplex, "duplex");
        Objects.requireNonNull(turnDetectors, "turnDetectors");
    }

    public VoiceOptions withDuplex(DuplexOptions options) {
        return new VoiceOptions(options, vadMode, turnDetectors, spokenAnswers);
    }

    public VoiceOptions withVadMode(VadMode mode) {
        return new VoiceOptions(duplex, Objects.requireNonNull(mode, "vadMode"), turnDetectors, spokenAnswers);
    }

    public VoiceOptions withTurnDetectors(TurnDetectorFactory factory) {
        return new VoiceOptions(duplex, vadMode, Objects.requireNonNull(factory, "turnDetector"), spokenAnswers);
    }

    public VoiceOptions withSpokenAnswers(SpokenAnswers speech) {
        return new VoiceOptions(duplex, vadMode, turnDetectors, Objects.requireNonNull(speech, "tts"));
    }
}
