/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Speech services, vendor-neutral: {@link dev.promptkit.speech.SttService} (speech to text, answering a
 * {@link dev.promptkit.speech.Transcript}) and {@link dev.promptkit.speech.TtsService} (text to speech, as PCM16
 * {@link dev.promptkit.duplex.AudioChunk}s), used by VAD mode ({@link dev.promptkit.voice}). OpenAI's
 * implementations are {@link dev.promptkit.provider.openai.OpenAiSttService} and
 * {@link dev.promptkit.provider.openai.OpenAiTtsService}; an application may bring its own.
 */
package dev.promptkit.speech;
