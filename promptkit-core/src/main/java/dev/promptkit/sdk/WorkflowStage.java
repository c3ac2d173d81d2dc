/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.pipeline.Stage;
import dev.promptkit.pipeline.StageType;
import dev.promptkit.pipeline.StateSaveStage;
import dev.promptkit.pipeline.StreamElement;
import dev.promptkit.pipeline.TurnContext;
import dev.promptkit.types.Role;
import dev.promptkit.workflow.WorkflowConflictException;
import dev.promptkit.workflow.WorkflowMachine;
import dev.promptkit.workflow.WorkflowRunJson;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Placed before {@code state_save} in a workflow's conversations: counts the turn's tool calls, works out the run the
 * turn leads to ({@link WorkflowStep#finish}) and leaves it for {@link StateSaveStage} to store in the same append as
 * the turn's messages. A turn answered on a history another turn changed since the workflow was read fails with a
 * {@link WorkflowConflictException}, as does one the budget refuses: nothing of it is stored.
 */
final class WorkflowStage implements Stage {

    static final String NAME = "workflow";

    private final String workflowId;
    private final WorkflowMachine machine;
    private final Supplier<WorkflowStep> step;

    WorkflowStage(String workflowId, WorkflowMachine machine, Supplier<WorkflowStep> step) {
        this.workflowId = workflowId;
        this.machine = machine;
        this.step = step;
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
        return Flux.defer(() -> {
            AtomicInteger toolCalls = new AtomicInteger();
            return in.doOnNext(element -> {
                if (element.isMessage() && element.message().role() == Role.ASSISTANT) {
                    toolCalls.addAndGet(element.message().toolCalls().size());
                }
            }).concatWith(Mono.defer(() -> {
                WorkflowStep current = step.get();
                if (turn.historyVersion() != current.version()) {
                    return Mono.error(new WorkflowConflictException(workflowId, null));
                }
                turn.attributes().put(StateSaveStage.METADATA_ATTRIBUTE, WorkflowRunJson.metadata(
                        current.finish(machine, workflowId, toolCalls.get(), Instant.now())));
                return Mono.empty();
            }));
        });
    }
}
