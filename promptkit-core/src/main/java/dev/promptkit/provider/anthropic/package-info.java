/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The Anthropic provider: the Messages API over server-sent events.
 * {@link dev.promptkit.provider.anthropic.AnthropicProvider} is the entry point and
 * {@link dev.promptkit.provider.anthropic.AnthropicPricing} holds the dated default prices.
 *
 * <h2>How a request is mapped</h2>
 * <ul>
 * <li>The system prompt is the top-level {@code system}; system messages in the conversation and the
 * JSON instruction of a non-strict response format are appended to it.</li>
 * <li>Messages alternate between {@code user} and {@code assistant}: consecutive messages of one role
 * are merged, tool results become {@code tool_result} blocks ({@code is_error} for a failed call) at the
 * start of a user message, assistant tool calls become {@code tool_use} blocks, image and document (PDF)
 * parts become {@code image} and {@code document} blocks with a {@code url} or {@code base64} source.</li>
 * <li>Tools are sent with their {@code input_schema}; the tool choice AUTO, REQUIRED, NONE and TOOL becomes
 * {@code auto}, {@code any}, {@code none} and {@code tool} with the tool's name.</li>
 * <li>A strict JSON schema response format becomes {@code output_config.format} (structured outputs,
 * models from the 4.5 generation on); JSON object mode and non-strict schemas become an instruction in the
 * system prompt, since the API has no parameter for them.</li>
 * </ul>
 *
 * <h2>What is not passed on</h2>
 * Thinking blocks are not surfaced as text and are not sent back in later turns; their tokens are counted
 * as reasoning tokens. Server tools (web search and the like) and citations are not supported.
 */
package dev.promptkit.provider.anthropic;
