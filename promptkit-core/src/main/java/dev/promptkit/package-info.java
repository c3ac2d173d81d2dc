/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * PromptKit: a pack-first LLM runtime. Sub-packages hold one concern each; {@link dev.promptkit.sdk.PromptKit}
 * is the entry point.
 */
package dev.promptkit;
