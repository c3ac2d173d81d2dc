/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Model providers: the {@link dev.promptkit.provider.Provider} interface (a streamed answer of
 * {@link dev.promptkit.provider.ProviderChunk}s to a {@link dev.promptkit.provider.ProviderRequest}) and
 * {@link dev.promptkit.provider.DuplexProvider} for realtime sessions; how providers are made from configuration
 * ({@link dev.promptkit.provider.ProviderSpec}, {@link dev.promptkit.provider.ProviderFactory},
 * {@link dev.promptkit.provider.ProviderRegistry}); prices and costs ({@link dev.promptkit.provider.PricingTable},
 * {@link dev.promptkit.provider.CostCalculator}); and {@link dev.promptkit.provider.ProviderException}, which every
 * provider fails with. Each vendor has one sub-package with all it offers (chat, realtime, embeddings, speech:
 * {@code openai}, {@code gemini}, {@code anthropic}, {@code ollama}), on the shared HTTP layer in {@code http};
 * {@code mock} is the scripted provider for tests.
 */
package dev.promptkit.provider;
