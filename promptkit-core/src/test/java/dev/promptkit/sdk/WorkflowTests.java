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
import dev.promptkit.event.WorkflowCompletedEvent;
import dev.promptkit.event.WorkflowTransitionedEvent;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolDescriptor;
import dev.promptkit.workflow.WorkflowTransition;
import dev.promptkit.workflow.WorkflowTools;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The PromptPack specification's customer-support-orchestrated example runs as a workflow on the mock provider: the
 * model moves it with the transition tool, each state's prompt answers, the history is carried across states, and
 * transitions are published and kept.
 */
class WorkflowTests {

    private static final Pack SUPPORT = PackLoader.loadResource("spec-examples/customer-support-orchestrated.pack.json");

    private static final String SUPPORT_SCRIPT = """
            rules:
              - match: "invoice"
                response:
                  tool_calls: [{name: workflow__transition, arguments: {event: billing, context: "Invoice INV-7 was charged twice"}}]
                after_tools: "Let me get you to billing."
              - match: "refund it"
                response:
                  tool_calls: [{name: workflow__transition, arguments: {event: resolved, context: "Refunded INV-7"}}]
                after_tools: "Refunded."
              - match: "thanks"
                response: "Glad I could help. Anything else?"
            """;

    private final EventBus events = EventBus.create();
    private final List<Event> published = new CopyOnWriteArrayList<>();

    @Test
    void theModelMovesTheWorkflowThroughItsStatesAndEachStatesPromptAnswers() {
        events.subscribeSynchronous(published::add);
        RecordingProvider provider = provider(SUPPORT_SCRIPT);
        try (Workflow support = PromptKit.openWorkflow(SUPPORT, options(provider).build())) {
            assertThat(support.currentState()).isEqualTo("triage");

            assertThat(support.send("My invoice is wrong").text()).isEqualTo("Let me get you to billing.");
            assertThat(support.currentState()).isEqualTo("billing_state");
            assertThat(support.currentPrompt()).isEqualTo("billing");

            support.send("Please refund it");
            assertThat(support.currentState()).isEqualTo("closing_state");
            assertThat(support.isComplete()).isTrue();

            assertThat(support.send("thanks").text()).isEqualTo("Glad I could help. Anything else?");

            ProviderRequest triage = provider.requests.get(0);
            assertThat(triage.system()).startsWith("You are a customer service triage agent for Acme.");
            ToolDescriptor transition = triage.tools().stream().filter(t -> t.name().equals(WorkflowTools.TRANSITION))
                    .findFirst().orElseThrow();
            assertThat(transition.inputSchema().get("properties").get("event").get("enum").toString())
                    .isEqualTo("[\"billing\",\"general\",\"technical\"]");
            assertThat(transition.inputSchema().get("required").toString()).isEqualTo("[\"event\",\"context\"]");

            ProviderRequest billing = provider.requests.get(2);
            assertThat(billing.system()).startsWith("You are a billing specialist for Acme.");
            assertThat(billing.tools()).extracting(ToolDescriptor::name)
                    .contains("lookup_account", "process_refund", WorkflowTools.TRANSITION);
            assertThat(billing.messages()).extracting(Message::role).startsWith(Role.USER, Role.ASSISTANT, Role.TOOL,
                    Role.ASSISTANT, Role.USER);

            ProviderRequest closing = provider.lastRequest();
            assertThat(closing.system()).startsWith("Summarize the resolution");
            assertThat(closing.tools()).extracting(ToolDescriptor::name).doesNotContain(WorkflowTools.TRANSITION);

            assertThat(support.transitions()).extracting(WorkflowTransition::from, WorkflowTransition::event,
                    WorkflowTransition::to, WorkflowTransition::context).containsExactly(
                    tuple("triage", "billing", "billing_state", "Invoice INV-7 was charged twice"),
                    tuple("billing_state", "resolved", "closing_state", "Refunded INV-7"));
            assertThat(support.run().visits()).containsEntry("triage", 1).containsEntry("billing_state", 1)
                    .containsEntry("closing_state", 1);
            assertThat(support.run().toolCalls()).isEqualTo(2);
            assertThat(support.messages()).hasSize(10);
        }
        assertThat(published).filteredOn(e -> e.type().startsWith("workflow.")).extracting(Event::type)
                .containsExactly("workflow.transitioned", "workflow.transitioned", "workflow.completed");
        assertThat(published).filteredOn(WorkflowTransitionedEvent.class::isInstance)
                .map(WorkflowTransitionedEvent.class::cast)
                .extracting(WorkflowTransitionedEvent::from, WorkflowTransitionedEvent::to)
                .containsExactly(tuple("triage", "billing_state"), tuple("billing_state", "closing_state"));
        assertThat(published).filteredOn(WorkflowCompletedEvent.class::isInstance)
                .map(WorkflowCompletedEvent.class::cast)
                .extracting(WorkflowCompletedEvent::finalState, WorkflowCompletedEvent::transitions)
                .containsExactly(tuple("closing_state", 2));
    }

    @Test
    void anEventTheStateDoesNotHaveGoesBackToTheModelAsTheToolsErrorAndTheWorkflowStays() {
        RecordingProvider provider = provider("""
                rules:
                  - match: "bill"
                    response:
                      tool_calls: [{name: workflow__transition, arguments: {event: resolved, context: "x"}}]
                    after_tools: "I cannot resolve from triage."
                """);
        try (Workflow support = PromptKit.openWorkflow(SUPPORT, options(provider).build())) {
            Response response = support.send("bill me");

            assertThat(response.toolResults()).singleElement().satisfies(result -> assertThat(result.error())
                    .contains("enum"));
            assertThat(support.currentState()).isEqualTo("triage");
            assertThat(support.transitions()).isEmpty();
        }
    }

    @Test
    void aWorkflowIsResumedByIdFromTheStateStoreWhereItWas() {
        InMemoryStateStore store = new InMemoryStateStore();
        String id;
        try (Workflow first = PromptKit.openWorkflow(SUPPORT, options(provider(SUPPORT_SCRIPT)).stateStore(store)
                .build())) {
            first.send("My invoice is wrong");
            id = first.id();
        }
        RecordingProvider provider = provider(SUPPORT_SCRIPT);
        try (Workflow resumed = PromptKit.resumeWorkflow(id, SUPPORT, options(provider).stateStore(store).build())) {
            assertThat(resumed.currentState()).isEqualTo("billing_state");
            resumed.send("Please refund it");

            assertThat(provider.requests.get(0).system()).startsWith("You are a billing specialist");
            assertThat(provider.requests.get(0).messages()).hasSize(5);
            assertThat(resumed.currentState()).isEqualTo("closing_state");
        }
    }

    @Test
    void openingWhatHasNoRunnableWorkflowNamesWhatIsWrongAndWhere() {
        assertThatThrownBy(() -> PromptKit.openWorkflow(PackLoader.loadResource("spec-examples/research-crew.pack.json"),
                ConversationOptions.defaults()))
                .hasMessageContaining("Pack 'research-crew' has no runnable workflow")
                .hasMessageContaining("/workflow: missing");
        assertThatThrownBy(() -> PromptKit.openWorkflow(PackLoader.loadResource("workflows/broken.pack.json"),
                ConversationOptions.defaults()))
                .hasMessageContaining("/workflow/entry: 'start' is not a state; states: ask, other")
                .hasMessageContaining("/workflow/states/ask/on_event/next: target 'nowhere' is not a state")
                .hasMessageContaining("/workflow/states/ask/on_max_visits: 'gone' is not a state")
                .hasMessageContaining("/workflow/states/other/prompt_task: 'missing' is not a prompt of the pack");
    }

    @Test
    void resumingAnIdTheStoreDoesNotHoldOrWithoutAStoreFailsClearly() {
        assertThatThrownBy(() -> PromptKit.resumeWorkflow("nope", SUPPORT, ConversationOptions.defaults()))
                .isInstanceOf(NoStateStoreException.class);
        assertThatThrownBy(() -> PromptKit.resumeWorkflow("nope", SUPPORT, ConversationOptions.builder()
                .stateStore(new InMemoryStateStore()).build()))
                .hasMessage("Workflow 'nope': the state store holds nothing under this id");
    }

    @Test
    void budgetExceededIsPublished() {
        events.subscribeSynchronous(published::add);
        RecordingProvider provider = provider("""
                rules:
                  - match: "again"
                    response:
                      tool_calls: [{name: workflow__transition, arguments: {event: again, context: "loop"}}]
                    after_tools: "Once more."
                """);
        try (Workflow loop = PromptKit.openWorkflow(PackLoader.loadResource("workflows/budgeted-loop.pack.json"),
                options(provider).build())) {
            loop.send("again");
            loop.send("again");
            assertThatThrownBy(() -> loop.send("again"))
                    .hasMessageContaining("budget max_total_visits exhausted in state 'ask' (3 of at most 3");
        }
        assertThat(published).filteredOn(WorkflowBudgetExceededEvent.class::isInstance)
                .map(WorkflowBudgetExceededEvent.class::cast)
                .extracting(WorkflowBudgetExceededEvent::limit, WorkflowBudgetExceededEvent::used)
                .containsExactly(tuple("max_total_visits", 3L));
    }

    @Test
    void theSkillEnhancedSupportExampleRunsFromTriageToClosing() {
        RecordingProvider provider = provider("""
                rules:
                  - match: "crashes"
                    response:
                      tool_calls: [{name: workflow__transition, arguments: {event: technical, context: "app crash"}}]
                    after_tools: "Let me get you to a technician."
                  - match: "works now"
                    response:
                      tool_calls: [{name: workflow__transition, arguments: {event: resolved, context: "fixed"}}]
                    after_tools: "Great."
                """);
        Pack skills = PackLoader.loadResource("spec-examples/skill-enhanced-support.pack.json");
        try (Workflow support = PromptKit.openWorkflow(skills, options(provider).build())) {
            support.send("The app crashes");
            assertThat(support.currentState()).isEqualTo("tech_state");
            support.send("It works now");

            assertThat(support.currentState()).isEqualTo("closing_state");
            assertThat(support.isComplete()).isTrue();
            assertThat(provider.requests).extracting(ProviderRequest::system).anySatisfy(system -> assertThat(system)
                    .startsWith("You are a technical support engineer for Acme."));
        }
    }

    static RecordingProvider provider(String script) {
        return new RecordingProvider(MockProvider.builder().script(MockScript.parse(script)).build());
    }

    private ConversationOptions.Builder options(RecordingProvider provider) {
        return ConversationOptions.builder().provider(provider).variable("company", "Acme").eventBus(events);
    }
}
