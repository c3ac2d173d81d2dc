/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.promptkit.event.EventBus;
import dev.promptkit.event.Phase;
import dev.promptkit.event.ProviderCallEvent;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolDescriptor;
import dev.promptkit.types.ToolResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Prompts of the pack named as tools (the PromptPack specification's research-crew example) run as sub-conversations
 * on the mock provider: their answer is the tool result, their cost counts into the caller's turn, and the depth and
 * budget limits stop a delegation with an error naming the chain of prompts.
 */
class AgentToolTests {

    private static final Pack CREW = PackLoader.loadResource("spec-examples/research-crew.pack.json");

    /** The researcher asks the fact checker, which answers from its own rule. */
    private static final String FACT_CHECK = """
            rules:
              - match: "^Research"
                response:
                  tool_calls: [{name: fact_checker, arguments: {input: "Check: cats purr"}}]
                after_tools: "Cats purr: the fact checker confirmed it."
              - match: "^Check"
                response: '{"claim": "cats purr", "verdict": "confirmed"}'
            """;

    /** The researcher asks the writer, which asks the researcher again, and so on, until a limit stops it. */
    private static final String LOOP = """
            rules:
              - match: "^Research"
                response:
                  tool_calls: [{name: writer, arguments: {input: "Write up cats", output_format: "brief"}}]
                after_tools: "Research done."
              - match: "^Write"
                response:
                  tool_calls: [{name: researcher, arguments: {input: "Research cats further", topic: "cats"}}]
                after_tools:
                  - when: {tool: researcher, outcome: error}
                    response: "Draft without further research."
                  - response: "Draft written."
            """;

    private final EventBus events = EventBus.create();

    @Test
    void runsTheAgentAsASubConversationAndCountsItsCostIntoTheTurn() {
        List<ProviderCallEvent> calls = new CopyOnWriteArrayList<>();
        events.subscribeSynchronous(event -> {
            if (event instanceof ProviderCallEvent call && call.phase() == Phase.COMPLETED) {
                calls.add(call);
            }
        });
        RecordingProvider provider = provider(FACT_CHECK);
        Conversation researcher = open(provider, AgentLimits.DEFAULTS);

        Response response = researcher.send("Research: do cats purr?");

        assertThat(response.text()).isEqualTo("Cats purr: the fact checker confirmed it.");
        assertThat(response.toolResults()).extracting(ToolResult::content)
                .containsExactly("{\"claim\": \"cats purr\", \"verdict\": \"confirmed\"}");
        ProviderRequest agentCall = provider.requests.get(1);
        assertThat(agentCall.system()).startsWith("You are a fact-checking specialist.")
                .contains("Cite all sources.");
        assertThat(agentCall.messages()).extracting(Message::role, Message::text)
                .containsExactly(tuple(Role.USER, "Check: cats purr"));
        assertThat(agentCall.tools()).extracting(ToolDescriptor::name).containsExactly("web_search", "academic_search");
        ToolDescriptor offered = provider.requests.get(0).tools().stream()
                .filter(tool -> tool.name().equals("fact_checker")).findFirst().orElseThrow();
        assertThat(offered.description()).startsWith("Verifies factual claims by cross-referencing sources")
                .contains("Skills: verification, fact-checking.")
                .endsWith("Accepts text/plain, application/json; answers in application/json.");
        assertThat(offered.inputSchema().get("required").toString()).isEqualTo("[\"input\"]");

        assertThat(calls).extracting(ProviderCallEvent::conversationId).containsExactlyInAnyOrder(researcher.id(),
                researcher.id(), researcher.id() + "/fact_checker/call_0_fact_checker");
        assertThat(calls).extracting(ProviderCallEvent::promptName).contains("fact_checker");
        CostInfo all = calls.stream().map(ProviderCallEvent::cost).reduce(CostInfo.ZERO, CostInfo::plus);
        assertThat(response.costInfo()).isEqualTo(all);
        assertThat(response.tokensUsed()).isEqualTo(all.inputTokens() + all.cachedTokens() + all.outputTokens());
        Message toolMessage = response.turnMessages().stream().filter(m -> m.role() == Role.TOOL).findFirst()
                .orElseThrow();
        assertThat(toolMessage.costInfo().totalCostUsd()).isPositive();
    }

    @Test
    void theAgentHasItsOwnVariablesAndHistory() {
        RecordingProvider provider = provider(LOOP);
        Conversation researcher = open(provider, new AgentLimits(1, null));

        Response response = researcher.send("Research: cats");

        assertThat(response.text()).isEqualTo("Research done.");
        ProviderRequest writer = provider.requests.get(1);
        assertThat(writer.system()).contains("Produce a well-structured brief based on the research");
        assertThat(writer.messages()).extracting(Message::text).containsExactly("Write up cats");
        assertThat(researcher.messages()).extracting(Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT);
    }

    @Test
    void theDepthLimitStopsADelegationWithAnErrorNamingTheChain() {
        RecordingProvider provider = provider(LOOP);
        Conversation researcher = open(provider, new AgentLimits(1, null));

        Response response = researcher.send("Research: cats");

        assertThat(response.toolResults()).extracting(ToolResult::content).containsExactly("Draft without further"
                + " research.");
        assertThat(refusals(provider)).containsExactly("Tool 'researcher': not run: it would be 2 agents deep, over the"
                + " limit of 1 (agent chain researcher → writer → researcher)");
    }

    @Test
    void theDefaultDepthLetsALoopGoThreeAgentsDeep() {
        RecordingProvider provider = provider(LOOP);

        Response response = open(provider, AgentLimits.DEFAULTS).send("Research: cats");

        assertThat(response.text()).isEqualTo("Research done.");
        assertThat(refusals(provider)).containsExactly("Tool 'researcher': not run: it would be 4 agents deep, over the"
                + " limit of 3 (agent chain researcher → writer → researcher → writer → researcher)");
    }

    @Test
    void theBudgetStopsADelegationThatHasSpentIt() {
        RecordingProvider provider = provider(LOOP);
        Conversation researcher = open(provider, new AgentLimits(3, new BigDecimal("0.000001")));

        Response response = researcher.send("Research: cats");

        assertThat(response.text()).isEqualTo("Research done.");
        assertThat(refusals(provider)).singleElement().asString()
                .startsWith("Tool 'researcher': not run: the delegation has spent $0.")
                .endsWith(", its budget is $0.000001 (agent chain researcher → writer → researcher)");
    }

    /** The errors of the agent tools that were not run, as the models read them. */
    private static List<String> refusals(RecordingProvider provider) {
        return provider.requests.stream().flatMap(request -> request.messages().stream())
                .map(Message::toolResult).filter(Objects::nonNull).filter(ToolResult::isError)
                .map(ToolResult::error).distinct().toList();
    }

    private static RecordingProvider provider(String script) {
        return new RecordingProvider(MockProvider.builder().script(MockScript.parse(script)).build());
    }

    private Conversation open(RecordingProvider provider, AgentLimits limits) {
        return PromptKit.open(CREW, "researcher", ConversationOptions.builder().provider(provider)
                .variable("topic", "cats").eventBus(events).tools(tools -> tools.withAgentLimits(limits)).build());
    }
}
