/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The values every layer shares, and nothing else: messages and their parts ({@link dev.promptkit.types.Message},
 * {@link dev.promptkit.types.ContentPart}), tool calls and results, what a request offers the model
 * ({@link dev.promptkit.types.ToolDescriptor}, {@link dev.promptkit.types.ToolChoice},
 * {@link dev.promptkit.types.ResponseFormat}, {@link dev.promptkit.types.ModelParameters}) and what an answer
 * costs ({@link dev.promptkit.types.TokenUsage}, {@link dev.promptkit.types.CostInfo}). It depends on no other
 * PromptKit package, so that every other package can depend on it.
 */
package dev.promptkit.types;
