/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.event.EventBus;
import dev.promptkit.pack.Pack;
import dev.promptkit.state.ConversationConflictException;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.state.StateStore;
import dev.promptkit.tool.InMemoryPendingStore;
import dev.promptkit.workflow.WorkflowDefinition;
import dev.promptkit.workflow.WorkflowException;
import dev.promptkit.workflow.WorkflowNotFoundException;
import dev.promptkit.workflow.WorkflowRun;
import dev.promptkit.workflow.WorkflowRunJson;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Opens and resumes {@link Workflow}s: checks the pack's workflow, and stores or reads the run. */
final class WorkflowFactory {

    private WorkflowFactory() {
    }

    /**
     * Opens a new workflow in its entry state and stores it, so that it can be resumed by id before its first turn.
     * Its states' conversations share one state store, pending store and event bus: the options' ones, else new
     * in-memory ones.
     */
    static Mono<Workflow> open(Pack pack, ConversationOptions options) {
        return Mono.defer(() -> {
            WorkflowDefinition definition = WorkflowDefinition.of(pack);
            ConversationOptions shared = shared(options);
            String id = options.state().conversationId() != null ? options.state().conversationId()
                    : UUID.randomUUID().toString();
            WorkflowRun run = WorkflowRun.start(definition.entry(), Instant.now());
            Map<String, String> metadata = new HashMap<>(StoredMetadata.of(pack.id(),
                    definition.state(run.currentState()).promptTask(), Map.of()));
            metadata.putAll(WorkflowRunJson.metadata(run));
            return shared.state().store().append(id, List.of(), metadata, 0)
                    .onErrorMap(ConversationConflictException.class, taken -> new WorkflowException(id, "the state"
                            + " store already holds a conversation under this id: resume it (resumeWorkflow)"
                            + " or open the workflow under another id", taken))
                    .thenReturn(new Workflow(id, definition, shared, run));
        });
    }

    /**
     * Reopens stored workflow {@code workflowId} where it is.
     *
     * @throws NoStateStoreException when the options name no state store
     */
    static Mono<Workflow> resume(String workflowId, Pack pack, ConversationOptions options) {
        if (options.state().store() == null) {
            return Mono.error(new NoStateStoreException());
        }
        return Mono.defer(() -> {
            WorkflowDefinition definition = WorkflowDefinition.of(pack);
            ConversationOptions shared = shared(options);
            return shared.state().store().load(workflowId)
                    .switchIfEmpty(Mono.error(() -> new WorkflowNotFoundException(workflowId, "the state store holds"
                            + " nothing under this id")))
                    .map(stored -> {
                        WorkflowRun run = WorkflowRunJson.read(workflowId, stored.metadata());
                        if (!definition.states().containsKey(run.currentState())) {
                            throw new WorkflowException(workflowId, "it is stored in state '" + run.currentState()
                                    + "', which the workflow of pack '" + pack.id() + "' does not have; states: "
                                    + String.join(", ", definition.states().keySet()));
                        }
                        return new Workflow(workflowId, definition, shared, run);
                    });
        });
    }

    /** The options with a state store, pending store and event bus that all the workflow's conversations share. */
    private static ConversationOptions shared(ConversationOptions options) {
        if (options.pipeline().eventStore() != null && options.pipeline().eventBus() == null) {
            throw new IllegalStateException("A workflow publishes on one event bus across its states: name an"
                    + " eventBus in the ConversationOptions and record it with EventRecorder.start(bus, store),"
                    + " instead of an eventStore");
        }
        StateStore store = options.state().store() != null ? options.state().store() : new InMemoryStateStore();
        ConversationOptions.Builder builder = options.toBuilder().stateStore(store);
        if (options.state().pendingStore() == null) {
            builder.state(state -> state.withPendingStore(new InMemoryPendingStore()));
        }
        if (options.pipeline().eventBus() == null) {
            builder.eventBus(EventBus.create());
        }
        return builder.build();
    }
}
