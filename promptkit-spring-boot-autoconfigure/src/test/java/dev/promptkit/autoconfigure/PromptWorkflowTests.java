/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.actuate.PromptKitActuatorAutoConfiguration;
import dev.promptkit.autoconfigure.actuate.PromptKitEndpoint;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.Workflow;
import dev.promptkit.spring.PromptWorkflow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code @PromptWorkflow} injects a workflow of the configured pack, the actuator shows the open workflows' states, and
 * a pack without a workflow fails start-up with an explanation.
 */
class PromptWorkflowTests {

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider()
            .withConfiguration(AutoConfigurations.of(PromptKitActuatorAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=promptkit",
                    "promptkit.pack=classpath:workflow/desk.pack.json",
                    "promptkit.mock.script=classpath:workflow/desk-mock.yaml");

    @Test
    void anInjectedWorkflowMovesThroughItsStatesAndTheActuatorShowsWhereItIs() {
        contextRunner.withBean(Desk.class).run(context -> {
            Workflow desk = context.getBean(Desk.class).workflow;
            assertThat(desk.currentState()).isEqualTo("intake");

            assertThat(desk.send("I have an order question").text()).isEqualTo("Let me hand you to orders.");
            assertThat(desk.send("It is A-1001").text()).isEqualTo("Order A-1001 ships today.");

            assertThat(desk.currentState()).isEqualTo("wrapup");
            assertThat(desk.artifacts()).containsEntry("order_id", "A-1001");
            assertThat(workflows(context.getBean(PromptKitEndpoint.class))).singleElement().satisfies(shown -> {
                assertThat(shown).containsEntry("id", desk.id()).containsEntry("pack", "desk")
                        .containsEntry("state", "wrapup").containsEntry("prompt", "wrapup")
                        .containsEntry("complete", true).containsEntry("transitions", 2);
            });
            desk.close();
            assertThat(workflows(context.getBean(PromptKitEndpoint.class))).isEmpty();
        });
    }

    @Test
    void workflowsOpenedPerUserAreShownUntilClosed() {
        contextRunner.run(context -> {
            Conversations conversations = context.getBean(Conversations.class);
            Workflow first = conversations.openWorkflow(null);
            Workflow second = conversations.openWorkflow("desk");
            first.send("I have an order question");

            assertThat(workflows(context.getBean(PromptKitEndpoint.class))).extracting(shown -> shown.get("state"))
                    .containsExactly("orders", "intake");
            second.close();
            assertThat(workflows(context.getBean(PromptKitEndpoint.class))).extracting(shown -> shown.get("id"))
                    .containsExactly(first.id());
        });
    }

    @Test
    void aPromptWorkflowOnAPackWithoutWorkflowIsExplainedAtStartUp() {
        FailureAnalysis analysis = StartupFailures.analysis(PromptKitContextRunners.withMockProvider()
                .withBean(Desk.class), new WorkflowFailureAnalyzer());

        assertThat(analysis.getDescription()).isEqualTo("Parameter 0 of constructor in " + Desk.class.getName()
                + " asks for a workflow, but Pack 'shop' has no runnable workflow:" + System.lineSeparator()
                + "  /workflow: missing (the pack defines no workflow; open one of its prompts as a conversation"
                + " instead)");
        assertThat(analysis.getAction()).startsWith("Name a pack with a workflow in @PromptWorkflow(\"<pack>\")");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> workflows(PromptKitEndpoint endpoint) {
        return (List<Map<String, Object>>) ((Map<String, Object>) endpoint.describe().get("workflows"))
                .get("workflows");
    }

    static class Desk {

        final Workflow workflow;

        Desk(@PromptWorkflow Workflow workflow) {
            this.workflow = workflow;
        }
    }
}
