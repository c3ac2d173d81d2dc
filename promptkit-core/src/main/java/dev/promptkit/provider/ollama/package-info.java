/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The Ollama provider: the native chat API ({@code /api/chat}) over newline-delimited JSON, on a local or
 * remote Ollama server. {@link dev.promptkit.provider.ollama.OllamaProvider} is the entry point,
 * {@link dev.promptkit.provider.ollama.OllamaHost} reads an {@code OLLAMA_HOST} value as a base URL, and
 * {@link dev.promptkit.provider.ollama.OllamaPricing} prices local models at 0 USD.
 */
package dev.promptkit.provider.ollama;
