/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.types.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores the turn through the {@link TurnCommit} once it has completed: its new messages (the user's message, the
 * answers, tool results) in one atomic append, and the calls it held for approval. Passes every element on. A
 * turn that fails or is cancelled stores nothing, so the stored history stays exactly as it was; so does a turn
 * whose history another turn changed meanwhile ({@link dev.promptkit.state.ConversationConflictException}).
 *
 * @since 0.1.0
 */
public final class StateSaveStage extends BuiltInStage {

    public static final String NAME = "state_save";

    /**
     * The {@link TurnContext#attributes() attribute} under which a stage upstream leaves a {@code Map<String, String>}
     * of metadata to store with the turn, in the same atomic append (a workflow stores its run this way).
     */
    public static final String METADATA_ATTRIBUTE = "promptkit.state.metadata";

    private final TurnCommit commit;
    private final Function<TurnContext, Map<String, String>> metadata;

    /**
     * @param metadata what to merge into the conversation's stored metadata at the end of a turn
     */
    public StateSaveStage(TurnCommit commit, Function<TurnContext, Map<String, String>> metadata) {
        super(NAME, StageType.SINK);
        this.commit = commit;
        this.metadata = metadata;
    }

    @Override
    public Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn) {
        return Flux.defer(() -> {
            List<Message> turnMessages = new ArrayList<>();
            List<PendingToolCall> held = new ArrayList<>();
            return in.doOnNext(element -> {
                if (element.isMessage()) {
                    turnMessages.add(element.message());
                }
                else if (element.isPendingTool()) {
                    held.add(element.pendingTool());
                }
            }).concatWith(Mono.defer(() -> commit.commit(new TurnCommit.Turn(turn.conversationId(), turnMessages,
                    metadata(turn), turn.historyVersion(), turn.settledToolCalls(), held), turn.events()))
                    .then(Mono.empty()));
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> metadata(TurnContext turn) {
        Object added = turn.attributes().get(METADATA_ATTRIBUTE);
        if (!(added instanceof Map<?, ?> extra)) {
            return metadata.apply(turn);
        }
        Map<String, String> merged = new HashMap<>(metadata.apply(turn));
        merged.putAll((Map<String, String>) extra);
        return merged;
    }
}
