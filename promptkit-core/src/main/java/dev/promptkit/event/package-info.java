/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Runtime events: the {@link dev.promptkit.event.EventBus} where turns, provider calls, tool calls, validation,
 * retries and state changes are published ({@link dev.promptkit.event.Event} and its records), delivered
 * asynchronously so that a listener never delays a turn; {@link dev.promptkit.event.EventHooks} for the common
 * subscriptions.
 */
package dev.promptkit.event;
