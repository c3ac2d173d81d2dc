/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Bidirectional (duplex) sessions: the types a realtime provider or a voice pipeline exchanges with a
 * duplex {@link dev.promptkit.sdk.Conversation}, and the PCM16 audio they move ({@link dev.promptkit.duplex.Pcm16}
 * for samples, levels and test tones, {@link dev.promptkit.duplex.Resampler} and
 * {@link dev.promptkit.duplex.AudioConverter} to change the rate and channels of a stream).
 */
package dev.promptkit.duplex;
