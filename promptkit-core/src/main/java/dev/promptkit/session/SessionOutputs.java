/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.session;

import dev.promptkit.duplex.DuplexEvent;

/**
 * What a {@link LiveSession} hands its caller, in the caller's own type: one output per session event, and one per
 * stored turn.
 *
 * @param <T> the type of the outputs
 * @since 0.1.0
 */
public interface SessionOutputs<T> {

    /** The output for an event of the session other than {@link DuplexEvent.TurnComplete}. */
    T event(DuplexEvent event);

    /** The output once a completed turn has been stored. */
    T turnStored(StoredTurn turn);
}
