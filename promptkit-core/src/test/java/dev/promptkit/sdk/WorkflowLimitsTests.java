/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.promptkit.event.Event;
import dev.promptkit.event.EventBus;
import dev.promptkit.event.WorkflowBudgetExceededEvent;
import dev.promptkit.event.WorkflowTransitionedEvent;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.types.Message;
import dev.promptkit.workflow.WorkflowBudgetExceededException;
import dev.promptkit.workflow.WorkflowConflictException;
import dev.promptkit.workflow.WorkflowMaxVisitsException;
import dev.promptkit.workflow.WorkflowRun;
import dev.promptkit.workflow.WorkflowRunJson;
import dev.promptkit.workflow.WorkflowTransition;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Loops of a workflow: the specification's codegen-loop example carries artifacts between states and is redirected
 * by {@code max_visits}; a state without {@code on_max_visits} stops the workflow; budgets stop it; and two instances
 * moving one workflow at once leave the store with the one that won.
 */
class WorkflowLimitsTests {

    private static final Pack CODEGEN = PackLoader.loadResource("spec-examples/codegen-loop.pack.json");
    private static final Pack GUARDED = PackLoader.loadResource("workflows/guarded-loop.pack.json");
    private static final Pack BUDGETED = PackLoader.loadResource("workflows/budgeted-loop.pack.json");

    private static final String CODEGEN_SCRIPT = """
            rules:
              - match: "task"
                response:
                  tool_calls: [{name: workflow__transition, arguments: {event: PlanReady, context: "1. write code"}}]
                after_tools: "Plan ready."
              - match: "implement"
                response:
                  tool_calls:
                    - {name: workflow__set_artifact, arguments: {name: commit_sha, value: "c1"}}
                    - {name: workflow__set_artifact, arguments: {name: iteration_log, value: "visit;"}}
                    - {name: workflow__transition, arguments: {event: CodeReady, context: "committed c1"}}
                after_tools: "Committed."
              - match: "test"
                response:
                  tool_calls:
                    - {name: workflow__set_artifact, arguments: {name: test_report, value: '{"failed":1}'}}
                    - {name: workflow__transition, arguments: {event: TestsFailed, context: "1 failure"}}
                after_tools: "Tests failed."
            """;

    private static final String LOOP_SCRIPT = """
            rules:
              - match: "again"
                response:
                  tool_calls: [{name: workflow__transition, arguments: {event: again, context: "round two"}}]
                after_tools: "Once more."
              - match: "lookups"
                response:
                  tool_calls: [{name: lookup, arguments: {q: a}}, {name: lookup, arguments: {q: b}},
                               {name: lookup, arguments: {q: c}}, {name: lookup, arguments: {q: d}},
                               {name: lookup, arguments: {q: e}}]
                after_tools: "Looked up."
              - match: "slow"
                response:
                  tool_calls: [{name: lookup, arguments: {q: slow}}]
                after_tools: "Done slowly."
              - match: "hello"
                response: "Hi."
            """;

    private final EventBus events = EventBus.create();
    private final List<Event> published = new CopyOnWriteArrayList<>();

    @Test
    void artifactsAreCarriedBetweenStatesAndMaxVisitsRedirectsTheLoop() {
        events.subscribeSynchronous(published::add);
        RecordingProvider provider = WorkflowTests.provider(CODEGEN_SCRIPT);
        try (Workflow loop = PromptKit.openWorkflow(CODEGEN, options(provider))) {
            loop.send("Here is the task");
            assertThat(provider.lastRequest().system()).contains("numbered implementation plan");
            for (int round = 1; round <= 5; round++) {
                loop.send("implement it");
                loop.send("test it");
            }

            assertThat(loop.currentState()).isEqualTo("review");
            assertThat(loop.isComplete()).isTrue();
            assertThat(loop.artifacts()).containsEntry("commit_sha", "c1")
                    .containsEntry("iteration_log", "visit;".repeat(5))
                    .containsEntry("test_report", "{\"failed\":1}");
            WorkflowRun run = loop.run();
            assertThat(run.visits()).containsEntry("implement", 5).containsEntry("test", 5).containsEntry("review", 1);
            assertThat(loop.transitions().get(loop.transitions().size() - 1)).extracting(WorkflowTransition::from,
                    WorkflowTransition::event, WorkflowTransition::to, WorkflowTransition::redirectedFrom)
                    .containsExactly("test", "TestsFailed", "review", "implement");
        }
        List<String> implementPrompts = provider.requests.stream().map(r -> r.system())
                .filter(system -> system.startsWith("Implement the next step.")).distinct().toList();
        assertThat(implementPrompts.get(0)).contains("Latest commit: \n").contains("Iteration log:\n\n");
        assertThat(implementPrompts.get(1)).contains("Latest commit: c1\n")
                .contains("Last test report: {\"failed\":1}").contains("Iteration log:\nvisit;\n");
        assertThat(implementPrompts.get(4)).contains("Iteration log:\n" + "visit;".repeat(4) + "\n");
        assertThat(provider.requests).anySatisfy(request -> assertThat(request.system())
                .startsWith("Run the test suite for commit c1."));
        assertThat(published).filteredOn(WorkflowTransitionedEvent.class::isInstance)
                .map(WorkflowTransitionedEvent.class::cast).last()
                .extracting(WorkflowTransitionedEvent::to, WorkflowTransitionedEvent::redirectedFrom)
                .containsExactly("review", "implement");
        assertThat(published).extracting(Event::type).endsWith("workflow.completed");
    }

    @Test
    void aStateEnteredMaxVisitsTimesWithoutOnMaxVisitsStopsTheWorkflowAndStoresNothingOfTheTurn() {
        events.subscribeSynchronous(published::add);
        RecordingProvider provider = WorkflowTests.provider(LOOP_SCRIPT);
        try (Workflow loop = PromptKit.openWorkflow(GUARDED, options(provider))) {
            loop.send("again");
            List<Message> before = loop.messages();

            assertThatThrownBy(() -> loop.send("again"))
                    .isInstanceOf(WorkflowMaxVisitsException.class)
                    .hasMessageContaining("event 'again' in state 'ask' targets state 'ask', which was already"
                            + " entered 2 times (its max_visits, /workflow/states/ask/max_visits)");

            assertThat(provider.lastRequest().system()).isEqualTo("Ask again until done. Carried: round two");
            assertThat(loop.messages()).isEqualTo(before);
            assertThat(loop.run().visits()).containsEntry("ask", 2);
            assertThat(loop.run().toolCalls()).isEqualTo(1);
        }
        assertThat(published).filteredOn(WorkflowBudgetExceededEvent.class::isInstance)
                .map(WorkflowBudgetExceededEvent.class::cast)
                .extracting(WorkflowBudgetExceededEvent::state, WorkflowBudgetExceededEvent::limit)
                .containsExactly(tuple("ask", "max_visits"));
    }

    @Test
    void aTurnWhoseToolCallsGoPastTheBudgetFailsAndStoresNothing() {
        RecordingProvider provider = WorkflowTests.provider(LOOP_SCRIPT);
        try (Workflow loop = PromptKit.openWorkflow(BUDGETED, options(provider))) {
            loop.onTool("lookup", arguments -> "found " + arguments.get("q"));

            assertThatThrownBy(() -> loop.send("lookups"))
                    .isInstanceOf(WorkflowBudgetExceededException.class)
                    .hasMessageContaining("budget max_tool_calls exhausted in state 'ask' (5 of at most 4, set in"
                            + " /workflow/engine/budget/max_tool_calls)");

            assertThat(loop.messages()).isEmpty();
            assertThat(loop.run().toolCalls()).isZero();
        }
    }

    @Test
    void whenTwoInstancesMoveOneWorkflowAtOnceOneWinsAndTheOtherGetsAConflictStoringNothing() {
        InMemoryStateStore store = new InMemoryStateStore();
        ConversationOptions shared = options(WorkflowTests.provider(LOOP_SCRIPT)).toBuilder().stateStore(store).build();
        try (Workflow first = PromptKit.openWorkflow(GUARDED, shared);
                Workflow second = PromptKit.resumeWorkflow(first.id(), GUARDED, shared)) {
            first.onTool("lookup", arguments -> second.send("again").text());

            assertThatThrownBy(() -> first.send("slow please"))
                    .isInstanceOf(WorkflowConflictException.class)
                    .hasMessageContaining("Workflow '" + first.id() + "': another turn moved the workflow");

            assertThat(first.messages()).extracting(Message::text).containsExactly("again", "",
                    "{\"status\":\"transition_scheduled\",\"event\":\"again\",\"target_state\":\"ask\"}",
                    "Once more.");
            assertThat(second.run().visits()).containsEntry("ask", 2);

            first.send("hello");
            assertThat(first.run().visits()).containsEntry("ask", 2);
            assertThat(first.run().carriedContext()).isEqualTo("round two");
            assertThat(first.messages()).hasSize(6);
        }
    }

    @Test
    void aWorkflowPastItsWallTimeRefusesEveryTurn() {
        events.subscribeSynchronous(published::add);
        InMemoryStateStore store = new InMemoryStateStore();
        ConversationOptions options = options(WorkflowTests.provider(CODEGEN_SCRIPT)).toBuilder().stateStore(store)
                .build();
        String id;
        try (Workflow loop = PromptKit.openWorkflow(CODEGEN, options)) {
            id = loop.id();
            WorkflowRun started = loop.run();
            WorkflowRun longAgo = new WorkflowRun(started.currentState(), started.visits(), started.artifacts(),
                    started.toolCalls(), started.startedAtMillis() - 601_000, started.transitions());
            store.append(id, List.of(), WorkflowRunJson.metadata(longAgo)).block();
        }
        try (Workflow resumed = PromptKit.resumeWorkflow(id, CODEGEN, options)) {
            assertThatThrownBy(() -> resumed.send("Here is the task"))
                    .isInstanceOf(WorkflowBudgetExceededException.class)
                    .hasMessageContaining("budget max_wall_time_sec exhausted in state 'plan'")
                    .hasMessageContaining("of at most 600");
            assertThat(resumed.messages()).isEmpty();
        }
        assertThat(published).filteredOn(WorkflowBudgetExceededEvent.class::isInstance)
                .map(WorkflowBudgetExceededEvent.class::cast).extracting(WorkflowBudgetExceededEvent::limit)
                .containsExactly("max_wall_time_sec");
    }

    private ConversationOptions options(RecordingProvider provider) {
        return ConversationOptions.builder().provider(provider).eventBus(events).build();
    }
}
