/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.event.StateEvent;
import dev.promptkit.state.ConversationState;
import dev.promptkit.state.StateStore;
import java.time.Instant;
import reactor.core.publisher.Flux;

/**
 * Puts the conversation's stored history in front of the turn's new messages.
 *
 * @since 0.1.0
 */
public final class StateLoadStage implements Stage {

    public static final String NAME = "state_load";

    private final StateStore store;

    public StateLoadStage(StateStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageType type() {
        return StageType.TRANSFORM;
    }

    @Override
    public Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn) {
        Flux<StreamElement> history = store.load(turn.conversationId())
                .doOnNext(state -> turn.publish(() -> new StateEvent(Instant.now(), turn.conversationId(),
                        StateEvent.Kind.LOADED, state.messages().size())))
                .flatMapIterable(ConversationState::messages)
                .map(StreamElement::historyMessage);
        return Flux.concat(history, in);
    }
}
