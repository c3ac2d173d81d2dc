/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.speech.SttService;
import dev.promptkit.speech.TtsService;
import dev.promptkit.voice.VadModeConfig;
import java.util.Objects;

/**
 * VAD mode of a duplex conversation (see {@link ConversationOptions.Builder#vadMode}): how it listens and speaks,
 * and the speech-to-text and text-to-speech services it uses. The services belong to the caller, who closes them:
 * a conversation only uses them, so one pair may serve many conversations.
 *
 * @since 0.1.0
 */
public record VadMode(VadModeConfig config, SttService stt, TtsService tts) {

    public VadMode {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(stt, "stt");
        Objects.requireNonNull(tts, "tts");
    }
}
