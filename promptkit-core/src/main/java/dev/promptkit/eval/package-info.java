/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Evals: handlers that score a turn (deterministic checks, PII detection, an LLM judge configured by
 * {@link dev.promptkit.eval.JudgeSettings}, custom handlers through {@link dev.promptkit.eval.EvalHandlerLibrary}),
 * the registry that compiles a pack's evals, and {@link dev.promptkit.eval.EvalGuardrails}, which lets a pack's
 * validators name eval handlers as guardrails.
 */
package dev.promptkit.eval;
