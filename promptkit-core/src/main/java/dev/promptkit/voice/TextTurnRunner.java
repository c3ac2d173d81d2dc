package dev.promptkit.voice;

import dev.promptkit.sdk.StreamChunk;
import reactor.core.publisher.Flux;

/**
 * Runs one text turn of a conversation: the SDK passes {@code conversation::stream}, so that a voice turn goes
 * through the normal pipeline (state, variables, tools, validators) and is stored like any other. Cancelling the
 * returned stream must stop the turn.
 */
@FunctionalInterface
public interface TextTurnRunner {

    /** Streams the answer to {@code userText}: text deltas, then one {@link StreamChunk.Type#DONE} chunk. */
    Flux<StreamChunk> run(String userText);
}
