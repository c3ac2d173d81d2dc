/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Tools the model may call: a pack's tool definitions bound to handlers ({@link dev.promptkit.tool.ToolRegistry},
 * {@link dev.promptkit.tool.ToolHandler}, {@link dev.promptkit.tool.ToolExecutor}), run by
 * {@link dev.promptkit.tool.ToolCallRunner} with argument validation, a turn budget and blocking handlers kept off
 * the event loop; calls that wait for a human decision ({@link dev.promptkit.tool.PendingToolCall},
 * {@link dev.promptkit.tool.PendingStore}). Executors that call out live in {@code http}, {@code mcp}, and the
 * Redis pending store in {@code redis}.
 */
package dev.promptkit.tool;
