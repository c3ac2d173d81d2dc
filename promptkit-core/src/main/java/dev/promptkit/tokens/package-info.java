/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Token counting: the {@link dev.promptkit.tokens.TokenCounter} interface, chosen per model by
 * {@link dev.promptkit.tokens.TokenCounters#forModel(String)}: OpenAI's own encodings (jtokkit) for OpenAI
 * models, the
 * {@link dev.promptkit.tokens.CharacterRatioTokenCounter} estimate for the rest. Used by the context budget and
 * by validators that count tokens; depends only on {@link dev.promptkit.types}.
 */
package dev.promptkit.tokens;
