/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import java.time.Instant;

/**
 * A conversation's state was loaded (with {@code messages} stored messages) or saved (with {@code messages} new ones).
 *
 * @since 0.1.0
 */
public record StateEvent(Instant timestamp, String conversationId, Kind kind, int messages) implements Event {

    /** What happened to the state. */
    public enum Kind { LOADED, SAVED }

    @Override
    public String type() {
        return kind == Kind.LOADED ? "state.loaded" : "state.saved";
    }
}
