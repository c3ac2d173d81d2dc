/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Bidirectional (duplex) sessions: the types a realtime provider or a voice pipeline exchanges with a
 * duplex {@link dev.promptkit.sdk.Conversation} ({@link dev.promptkit.duplex.DuplexSession},
 * {@link dev.promptkit.duplex.DuplexEvent}, {@link dev.promptkit.duplex.DuplexSessionConfig}), and the PCM16 audio
 * they move ({@link dev.promptkit.duplex.Pcm16} for samples, levels and test tones,
 * {@link dev.promptkit.duplex.Resampler} and {@link dev.promptkit.duplex.AudioConverter} to change the rate and
 * channels of a stream, {@link dev.promptkit.duplex.PcmFramer} to cut a byte stream into whole frames,
 * {@link dev.promptkit.duplex.WavFile} to wrap it as a WAV file). It depends only on {@link dev.promptkit.types};
 * providers open sessions through {@link dev.promptkit.provider.DuplexProvider}.
 */
package dev.promptkit.duplex;
