/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.event.StateEvent;
import dev.promptkit.state.ConversationState;
import dev.promptkit.state.StateStore;
import dev.promptkit.tool.PendingStore;
import dev.promptkit.types.ToolCall;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Puts the conversation's stored history in front of the turn's new messages, and notes its version on the turn.
 * When the history ends with tool calls held for approval, their results (or the refusal to go on while they wait)
 * come between the two; see {@link HeldCallAnswers}.
 *
 * @since 0.1.0
 */
public final class StateLoadStage implements Stage {

    public static final String NAME = "state_load";

    private final StateStore store;
    private final HeldCallAnswers heldCalls;

    /**
     * @param pending where the calls held for approval, and the results of decided ones, are kept
     */
    public StateLoadStage(StateStore store, PendingStore pending) {
        this.store = store;
        this.heldCalls = new HeldCallAnswers(pending);
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
        return store.load(turn.conversationId())
                .doOnNext(state -> turn.publish(() -> new StateEvent(Instant.now(), turn.conversationId(),
                        StateEvent.Kind.LOADED, state.messages().size())))
                .defaultIfEmpty(ConversationState.empty(turn.conversationId()))
                .flatMapMany(state -> {
                    turn.historyVersion(state.version());
                    Flux<StreamElement> history = Flux.fromIterable(state.messages()).map(StreamElement::historyMessage);
                    List<ToolCall> open = HeldCallAnswers.unanswered(state.messages());
                    if (open.isEmpty()) {
                        return Flux.concat(history, in);
                    }
                    return Flux.concat(history, heldCalls.answer(open, turn).flatMapIterable(answers -> answers)
                            .map(StreamElement::message), in);
                });
    }
}
