/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

/**
 * Receives events from an {@link EventBus}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface EventListener {

    void onEvent(Event event);
}
