/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** OpenAI's speech-to-text and text-to-speech endpoints, on the shared HTTP provider layer. */
package dev.promptkit.voice.openai;
