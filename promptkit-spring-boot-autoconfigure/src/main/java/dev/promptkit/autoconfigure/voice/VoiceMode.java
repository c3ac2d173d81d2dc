/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.voice;

/**
 * How duplex (voice) conversations talk to the model.
 *
 * @since 0.1.0
 */
public enum VoiceMode {

    /** The provider's own realtime protocol (OpenAI Realtime, Gemini Live, the mock's scripted session). */
    ASM,

    /**
     * Any text model: voice activity detection finds the user's turns, speech-to-text transcribes them, the
     * conversation answers in a text turn, text-to-speech speaks the answer.
     */
    VAD
}
