/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.event.StateEvent;
import dev.promptkit.state.StateStore;
import dev.promptkit.types.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores the turn's new messages (the user's message, the answers, tool results) in one atomic
 * append once the turn has completed, and passes every element on. A turn that fails or is
 * cancelled stores nothing, so the stored history stays exactly as it was; so does a turn whose history another
 * turn changed meanwhile ({@link dev.promptkit.state.ConversationConflictException}).
 *
 * @since 0.1.0
 */
public final class StateSaveStage implements Stage {

    public static final String NAME = "state_save";

    private final StateStore store;
    private final Function<TurnContext, Map<String, String>> metadata;

    /**
     * @param metadata what to merge into the conversation's stored metadata at the end of a turn
     */
    public StateSaveStage(StateStore store, Function<TurnContext, Map<String, String>> metadata) {
        this.store = store;
        this.metadata = metadata;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageType type() {
        return StageType.SINK;
    }

    @Override
    public Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn) {
        return Flux.defer(() -> {
            List<Message> turnMessages = new ArrayList<>();
            return in.doOnNext(element -> {
                if (element.isMessage() && !element.fromHistory()) {
                    turnMessages.add(element.message());
                }
            }).concatWith(Mono.defer(() -> store.append(turn.conversationId(), turnMessages, metadata.apply(turn),
                    turn.historyVersion()))
                    .doOnSuccess(saved -> turn.publish(() -> new StateEvent(Instant.now(), turn.conversationId(),
                            StateEvent.Kind.SAVED, turnMessages.size())))
                    .then(Mono.empty()));
        });
    }
}
