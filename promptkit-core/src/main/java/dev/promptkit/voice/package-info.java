/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * VAD mode: voice conversations on a text model, as a {@link dev.promptkit.duplex.DuplexSession}
 * ({@link dev.promptkit.voice.VadDuplexSession}). The user's audio is converted to mono PCM16
 * ({@link dev.promptkit.duplex.AudioConverter}), split into turns by a {@link dev.promptkit.voice.TurnDetector}
 * ({@link dev.promptkit.voice.SilenceTurnDetector} by default, configured by
 * {@link dev.promptkit.voice.VadModeConfig}), transcribed by an {@link dev.promptkit.speech.SttService}, answered
 * by a text turn of the conversation ({@link dev.promptkit.voice.TextTurnRunner}) and spoken by a
 * {@link dev.promptkit.speech.TtsService}. OpenAI's services are in {@code dev.promptkit.provider.openai}. A duplex
 * conversation runs in this mode when opened with {@code ConversationOptions.Builder.vadMode}.
 */
package dev.promptkit.voice;
