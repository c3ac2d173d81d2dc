/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.event.EventBus;
import dev.promptkit.event.StateEvent;
import dev.promptkit.state.StateStore;
import dev.promptkit.tool.PendingStore;
import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.types.Message;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one way a turn is stored, for text turns ({@link StateSaveStage}), VAD turns (which are text turns) and
 * realtime turns alike: the turn's messages go into the state store in one atomic append, only if the history is
 * still at the version the turn was answered on ({@link dev.promptkit.state.ConversationConflictException}
 * otherwise); then the pending store forgets the held calls the turn settled and keeps the ones it held.
 *
 * @since 0.1.0
 */
public final class TurnCommit {

    private final StateStore store;
    private final PendingStore pending;

    public TurnCommit(StateStore store, PendingStore pending) {
        this.store = store;
        this.pending = pending;
    }

    /** Stores {@code turn}, publishing a {@link StateEvent.Kind#SAVED} event on {@code events} once it is stored. */
    public Mono<Void> commit(Turn turn, EventBus events) {
        return store.append(turn.conversationId(), turn.messages(), turn.metadata(), turn.historyVersion())
                .then(Mono.fromRunnable(() -> {
                    if (events.hasListeners()) {
                        events.publish(new StateEvent(Instant.now(), turn.conversationId(), StateEvent.Kind.SAVED,
                                turn.messages().size()));
                    }
                }))
                .then(turn.settledCalls().isEmpty() ? Mono.empty()
                        : pending.remove(turn.conversationId(), turn.settledCalls()))
                .thenMany(Flux.fromIterable(turn.heldCalls()).concatMap(pending::add))
                .then();
    }

    /**
     * A turn to store.
     *
     * @param metadata merged into the conversation's stored metadata
     * @param historyVersion the version of the history the turn was answered on, or {@link StateStore#ANY_VERSION}
     * @param settledCalls the held calls whose results the turn carries
     * @param heldCalls the calls the turn held for approval
     */
    public record Turn(String conversationId, List<Message> messages, Map<String, String> metadata,
            long historyVersion, List<String> settledCalls, List<PendingToolCall> heldCalls) {

        public Turn {
            messages = List.copyOf(messages);
            metadata = Map.copyOf(metadata);
            settledCalls = List.copyOf(settledCalls);
            heldCalls = List.copyOf(heldCalls);
        }

        /** A turn that settles and holds no calls, stored whatever the history's version. */
        public static Turn of(String conversationId, List<Message> messages, Map<String, String> metadata) {
            return new Turn(conversationId, messages, metadata, StateStore.ANY_VERSION, List.of(), List.of());
        }
    }
}
