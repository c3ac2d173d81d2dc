/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Evals: handlers that score a turn (deterministic checks, PII detection, custom handlers through
 * {@link dev.promptkit.eval.EvalHandlerLibrary}) and the registry that compiles a pack's evals.
 */
package dev.promptkit.eval;
