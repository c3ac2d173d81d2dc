/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Validators (guardrails) for a prompt's input and output: the {@link dev.promptkit.validation.Validator} SPI,
 * the built-in types, and the {@link dev.promptkit.validation.ValidatorRegistry} that compiles a pack's
 * {@code validators[]} when a conversation opens. {@link dev.promptkit.validation.ValidationPolicy} decides
 * what a failure does; the pipeline's validation stages run them.
 */
package dev.promptkit.validation;
