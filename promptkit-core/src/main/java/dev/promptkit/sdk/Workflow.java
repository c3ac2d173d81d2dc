/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.event.Event;
import dev.promptkit.event.EventBus;
import dev.promptkit.event.WorkflowBudgetExceededEvent;
import dev.promptkit.event.WorkflowCompletedEvent;
import dev.promptkit.event.WorkflowTransitionedEvent;
import dev.promptkit.pipeline.StagePlacement;
import dev.promptkit.pipeline.StateSaveStage;
import dev.promptkit.state.ConversationConflictException;
import dev.promptkit.state.ConversationState;
import dev.promptkit.state.StateStore;
import dev.promptkit.tool.ToolHandler;
import dev.promptkit.tool.ToolNotInPackException;
import dev.promptkit.types.Message;
import dev.promptkit.workflow.WorkflowBudgetExceededException;
import dev.promptkit.workflow.WorkflowConflictException;
import dev.promptkit.workflow.WorkflowDefinition;
import dev.promptkit.workflow.WorkflowMachine;
import dev.promptkit.workflow.WorkflowMaxVisitsException;
import dev.promptkit.workflow.WorkflowNotFoundException;
import dev.promptkit.workflow.WorkflowRun;
import dev.promptkit.workflow.WorkflowRunJson;
import dev.promptkit.workflow.WorkflowTransition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A pack's workflow, run turn by turn: each {@link #send} is answered by the current state's prompt, and the model
 * moves the workflow with the {@code workflow__transition} tool (its events are the current state's) and sets
 * artifacts with {@code workflow__set_artifact}. Artifacts reach the prompts as {@code {{artifacts.<name>}}}, and the
 * context the model carried across the last transition as {@code {{workflow_context}}}; the history is the
 * workflow's, across states. Each turn reads the stored workflow first and stores the turn's messages and the
 * workflow's new run in one atomic append, so a workflow resumes on any instance sharing the state store, and a turn
 * answered while another moved the workflow fails with a {@link WorkflowConflictException}, storing nothing.
 *
 * <pre>{@code
 * try (Workflow support = PromptKit.openWorkflow(pack, ConversationOptions.defaults())) {
 *     support.send("My invoice is wrong");
 *     System.out.println(support.currentState());
 * }
 * }</pre>
 *
 * @since 0.2.0
 */
public final class Workflow implements AutoCloseable {

    private final String id;
    private final WorkflowDefinition definition;
    private final WorkflowMachine machine;
    private final ConversationOptions options;
    private final StateStore store;
    private final EventBus events;
    private final WorkflowToolBindings tools;
    private final AtomicReference<WorkflowStep> step = new AtomicReference<>();
    private final TurnSequencer sequencer = new TurnSequencer();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<String, ToolHandler> handlers = new ConcurrentHashMap<>();
    private final List<Runnable> closeHooks = new CopyOnWriteArrayList<>();
    private volatile WorkflowRun run;
    private Conversation active;
    private String activeState;

    Workflow(String id, WorkflowDefinition definition, ConversationOptions options, WorkflowRun run) {
        this.id = id;
        this.definition = definition;
        this.machine = new WorkflowMachine(definition);
        this.store = options.state().store();
        this.events = options.pipeline().eventBus();
        this.options = options.toBuilder().conversationId(id)
                .stage(new WorkflowStage(id, machine, step::get), StagePlacement.before(StateSaveStage.NAME))
                .build();
        this.tools = new WorkflowToolBindings(definition, step::get);
        this.run = run;
    }

    /** The id under which the workflow is stored (its conversation's id). */
    public String id() {
        return id;
    }

    /** The pack's workflow this runs. */
    public WorkflowDefinition definition() {
        return definition;
    }

    /** The state the workflow is in, as this instance last read or moved it. */
    public String currentState() {
        return run.currentState();
    }

    /** The prompt that answers in the current state. */
    public String currentPrompt() {
        return definition.state(run.currentState()).promptTask();
    }

    /** The events the current state declares (none in a terminal state). */
    public List<String> availableEvents() {
        return definition.events(run.currentState());
    }

    /** Whether the workflow is in a terminal state. */
    public boolean isComplete() {
        return definition.isTerminal(run.currentState());
    }

    /** The artifacts set so far, by name. */
    public Map<String, String> artifacts() {
        return run.artifacts();
    }

    /** The latest transitions, oldest first (at most {@value WorkflowRun#MAX_TRANSITIONS}). */
    public List<WorkflowTransition> transitions() {
        return run.transitions();
    }

    /** The whole run: state, visit counts, artifacts, tool calls, start time and transitions. */
    public WorkflowRun run() {
        return run;
    }

    /** Where the workflow publishes its turns' events and {@code workflow.*} events. */
    public EventBus eventBus() {
        return events;
    }

    /**
     * Answers a pack tool, in whichever state the workflow is, with an in-process handler (see
     * {@link Conversation#onTool}).
     *
     * @throws ToolNotInPackException when the pack declares no such tool
     */
    public synchronized Workflow onTool(String toolName, ToolHandler handler) {
        if (!definition.pack().tools().containsKey(toolName)) {
            throw new ToolNotInPackException(toolName, definition.pack().tools().keySet());
        }
        handlers.put(toolName, handler);
        if (active != null) {
            active.onTool(toolName, handler);
        }
        return this;
    }

    /** Sends a message to the current state's prompt and waits for the whole answer. */
    public Response send(String text, SendOption... attachments) {
        return sendAsync(text, attachments).block();
    }

    /** Sends a message; the {@link Mono} emits the answer once the turn and the workflow's new run are stored. */
    public Mono<Response> sendAsync(String text, SendOption... attachments) {
        return sequencer.serialize(Mono.defer(() -> begin().flatMap(conversation -> conversation
                .sendAsync(text, attachments))).doOnNext(response -> adopt()).onErrorMap(this::failed));
    }

    /** Sends a message and streams the answer, as {@link Conversation#stream} does. */
    public Flux<StreamChunk> stream(String text, SendOption... attachments) {
        return sequencer.serialize(Flux.defer(() -> begin().flatMapMany(conversation -> conversation
                .stream(text, attachments))).doOnComplete(this::adopt).onErrorMap(this::failed));
    }

    /** The workflow's stored history, across states. */
    public List<Message> messages() {
        return store.load(id).map(ConversationState::messages).defaultIfEmpty(List.of()).block();
    }

    /** Reads the stored workflow, checks its budget, and readies the current state's conversation for a turn. */
    private Mono<Conversation> begin() {
        if (closed.get()) {
            return Mono.error(new ConversationClosedException(id));
        }
        return store.load(id)
                .switchIfEmpty(Mono.error(() -> new WorkflowNotFoundException(id, "the state store holds no workflow"
                        + " under this id (it expired, or was deleted)")))
                .map(stored -> {
                    WorkflowRun current = WorkflowRunJson.read(id, stored.metadata());
                    machine.checkTurn(id, current, Instant.now());
                    run = current;
                    step.set(new WorkflowStep(current, stored.version()));
                    return conversationFor(current);
                });
    }

    private synchronized Conversation conversationFor(WorkflowRun current) {
        String state = current.currentState();
        if (active == null || !state.equals(activeState)) {
            if (active != null) {
                active.close();
            }
            active = ConversationFactory.open(definition.pack(), definition.state(state).promptTask(), options);
            activeState = state;
            tools.offer(active.toolRegistry(), state);
            handlers.forEach(active::onTool);
        }
        definition.artifactNames().forEach(name -> active.setVar("artifacts." + name,
                current.artifacts().getOrDefault(name, "")));
        active.setVar("workflow_context", current.carriedContext());
        return active;
    }

    private void adopt() {
        WorkflowStep done = step.get();
        WorkflowRun next = done.finished();
        if (next == null) {
            return;
        }
        run = next;
        WorkflowTransition made = done.made();
        if (made != null) {
            publish(new WorkflowTransitionedEvent(Instant.now(), id, made.from(), made.to(), made.event(),
                    made.redirectedFrom()));
            if (definition.isTerminal(made.to())) {
                publish(new WorkflowCompletedEvent(Instant.now(), id, made.to(), next.transitions().size()));
            }
        }
    }

    private Throwable failed(Throwable error) {
        if (error instanceof ConversationConflictException conflict) {
            return new WorkflowConflictException(id, conflict);
        }
        if (error instanceof WorkflowBudgetExceededException budget) {
            publish(new WorkflowBudgetExceededEvent(Instant.now(), id, budget.state(), budget.limit(), budget.used(),
                    budget.max()));
        }
        else if (error instanceof WorkflowMaxVisitsException visits) {
            publish(new WorkflowBudgetExceededEvent(Instant.now(), id, visits.target(), "max_visits",
                    visits.maxVisits(), visits.maxVisits()));
        }
        return error;
    }

    private void publish(Event event) {
        if (events.hasListeners()) {
            events.publish(event);
        }
    }

    /** Closes the workflow's conversation; later turns fail with {@link ConversationClosedException}. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (active != null) {
            active.close();
        }
        closeHooks.forEach(Runnable::run);
    }

    /** Runs {@code hook} when the workflow closes. */
    void whenClosed(Runnable hook) {
        closeHooks.add(hook);
    }

    public boolean isClosed() {
        return closed.get();
    }
}
