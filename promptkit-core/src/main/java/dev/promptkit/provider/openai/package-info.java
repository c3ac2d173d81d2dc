/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The OpenAI provider: Chat Completions and the Responses API over server-sent events, on OpenAI, Azure OpenAI or
 * a compatible server ({@link dev.promptkit.provider.openai.OpenAiApi} says which API a call goes to).
 * {@link dev.promptkit.provider.openai.OpenAiProvider} is the entry point and
 * {@link dev.promptkit.provider.openai.OpenAiPricing} holds the dated default prices.
 * Its embeddings ({@link dev.promptkit.provider.openai.OpenAiEmbeddingProvider}), speech to text
 * ({@link dev.promptkit.provider.openai.OpenAiSttService}), text to speech
 * ({@link dev.promptkit.provider.openai.OpenAiTtsService}) and realtime sessions are here too, on the same HTTP
 * layer and settings.
 */
package dev.promptkit.provider.openai;
