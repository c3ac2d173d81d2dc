/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * How a text turn runs: {@link dev.promptkit.pipeline.TurnPreparer} prepares it in one step (history, variables,
 * tools, rendered system prompt, token budget) into an immutable {@link dev.promptkit.pipeline.PreparedTurn}; a
 * {@link dev.promptkit.pipeline.Pipeline} of {@link dev.promptkit.pipeline.Stage}s then transforms the turn's own
 * elements (validation, media, the provider call and its tool rounds) and {@link dev.promptkit.pipeline.TurnCommit}
 * stores the turn.
 */
package dev.promptkit.pipeline;
