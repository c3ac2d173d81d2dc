/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Workflows: the state machine a pack's {@code workflow} section describes (entry state, event-driven transitions,
 * visit limits, artifacts and budgets), and the tools through which the model moves it. The SDK type that runs a
 * workflow turn by turn is {@link dev.promptkit.sdk.Workflow}.
 */
package dev.promptkit.workflow;
