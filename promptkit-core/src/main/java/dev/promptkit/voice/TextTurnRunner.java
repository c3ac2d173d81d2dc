/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.voice;

import dev.promptkit.sdk.StreamChunk;
import reactor.core.publisher.Flux;

/**
 * Runs one text turn of a conversation, so that a voice turn goes through the normal pipeline (state, variables,
 * tools, validators) and is stored like any other: a duplex conversation in VAD mode passes its own text turns
 * (see {@code ConversationOptions.Builder.vadMode}); outside the SDK's duplex conversations,
 * {@code conversation::stream} of a unary conversation does. Cancelling the returned stream must stop the turn.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TextTurnRunner {

    /** Streams the answer to {@code userText}: text deltas, then one {@link StreamChunk.Type#DONE} chunk. */
    Flux<StreamChunk> run(String userText);
}
