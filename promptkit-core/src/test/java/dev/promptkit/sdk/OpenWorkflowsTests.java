/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.pack.PackLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The workflows of a {@link Conversations}: opened on the pack with a workflow, and tracked within a bound. */
class OpenWorkflowsTests {

    private final Conversations conversations = Conversations.builder()
            .pack("crew", PackLoader.loadResource("spec-examples/research-crew.pack.json"))
            .pack("loop", PackLoader.loadResource("workflows/guarded-loop.pack.json"))
            .options(ConversationOptions.builder().provider(WorkflowTests.provider("rules: []")).build()).build();

    @Test
    void theOnePackWithAWorkflowIsTakenWhenNoneIsNamedAndResumedWorkflowsAreTrackedToo() {
        Workflow opened = conversations.openWorkflow(null);
        Workflow resumed = conversations.resumeWorkflow(opened.id(), "loop");

        assertThat(opened.definition().pack().id()).isEqualTo("guarded-loop");
        assertThat(conversations.openWorkflows().size()).isEqualTo(1);
        assertThat(conversations.openWorkflows().describe()).singleElement()
                .satisfies(shown -> assertThat(shown).containsEntry("state", "ask").containsEntry("visits", 1));
        resumed.close();
        assertThat(conversations.openWorkflows().size()).isZero();
        assertThatThrownBy(() -> conversations.openWorkflow("crew"))
                .hasMessageContaining("Pack 'research-crew' has no runnable workflow");
    }

    @Test
    void atMostMaxTrackedWorkflowsAreKeptTheOldestForgottenFirst() {
        List<Workflow> opened = new ArrayList<>();
        for (int i = 0; i <= OpenWorkflows.MAX_TRACKED; i++) {
            opened.add(conversations.openWorkflow("loop"));
        }

        List<Map<String, Object>> shown = conversations.openWorkflows().describe();
        assertThat(shown).hasSize(OpenWorkflows.MAX_TRACKED);
        assertThat(shown.get(0)).containsEntry("id", opened.get(1).id());
        assertThat(shown.get(shown.size() - 1)).containsEntry("id", opened.get(opened.size() - 1).id());
        opened.forEach(Workflow::close);
        assertThat(conversations.openWorkflows().size()).isZero();
    }
}
