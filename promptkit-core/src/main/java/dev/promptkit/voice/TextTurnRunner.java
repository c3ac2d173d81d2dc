/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.voice;

import dev.promptkit.duplex.DuplexEvent;
import reactor.core.publisher.Flux;

/**
 * Runs one text turn of a conversation, so that a voice turn goes through the normal pipeline (state, variables,
 * tools, validators) and is stored like any other. A duplex conversation in VAD mode passes its own text turns;
 * elsewhere {@code conversation.textTurnRunner()} of a text conversation does. Cancelling the returned stream must
 * stop the turn.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TextTurnRunner {

    /**
     * Streams the answer to {@code userText}: {@link DuplexEvent.TextDelta}s, then one
     * {@link DuplexEvent.TurnComplete} with the turn's usage once it has been stored. Other events are ignored.
     */
    Flux<DuplexEvent> run(String userText);
}
