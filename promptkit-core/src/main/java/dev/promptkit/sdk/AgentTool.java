/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.pack.ToolReferences;
import dev.promptkit.pipeline.ProviderStage;
import dev.promptkit.pipeline.Stage;
import dev.promptkit.pipeline.StagePlacement;
import dev.promptkit.pipeline.StageType;
import dev.promptkit.pipeline.StreamElement;
import dev.promptkit.pipeline.TurnContext;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.tool.AgentLimitException;
import dev.promptkit.tool.AgentToolDescriptors;
import dev.promptkit.tool.MeteredToolExecutor;
import dev.promptkit.tool.ToolBinding;
import dev.promptkit.tool.ToolContext;
import dev.promptkit.tool.ToolException;
import dev.promptkit.tool.ToolRegistry;
import dev.promptkit.tool.mcp.McpServers;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolCall;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Another prompt of the pack, run as a tool: each call opens a sub-conversation on that prompt with its own history
 * (an in-memory store, dropped afterwards), its own variables (the call's arguments besides
 * {@value AgentToolDescriptors#INPUT}) and its own system prompt, sends it the call's input, and answers with the
 * sub-conversation's final text. The sub-conversation uses the caller's provider, event bus, MCP servers and tool
 * handlers; its id is {@code <caller id>/<prompt>/<call id>}, so its events name the conversation that called it. Its
 * cost is the tool's cost, counted into the caller's turn. {@link AgentLimits} bound the depth and the spending of a
 * delegation; a call beyond them fails with an {@link AgentLimitException} naming the chain of prompts.
 */
final class AgentTool implements MeteredToolExecutor {

    private final ConversationSetup caller;
    private final ToolRegistry callerTools;
    private final String target;
    private final List<String> chain;
    private final Spending spending;

    /**
     * @param chain the prompts from the delegation's first conversation to the caller
     * @param spending what the delegation has spent so far; {@code null} when the caller is not an agent itself, so
     *     that each of its calls starts a delegation
     */
    private AgentTool(ConversationSetup caller, ToolRegistry callerTools, String target, List<String> chain,
            Spending spending) {
        this.caller = caller;
        this.callerTools = callerTools;
        this.target = target;
        this.chain = chain;
        this.spending = spending;
    }

    /** Binds each agent tool of the caller's pack in {@code tools}; {@code chain} ends with the caller's prompt. */
    static void bindAll(ConversationSetup caller, ToolRegistry tools, List<String> chain, Spending spending) {
        for (String name : ToolReferences.agentTools(caller.pack())) {
            tools.bind(name, ToolBinding.of(new AgentTool(caller, tools, name, chain, spending), "agent"));
        }
    }

    @Override
    public Mono<MeteredAnswer> answer(ToolCall call, ToolContext context) {
        return Mono.defer(() -> {
            List<String> path = new ArrayList<>(chain);
            path.add(target);
            AgentLimits limits = caller.options().tools().agentLimits();
            Spending delegation = spending != null ? spending : new Spending();
            if (path.size() - 1 > limits.maxDepth()) {
                return Mono.error(new AgentLimitException(path, "not run: it would be " + (path.size() - 1)
                        + " agents deep, over the limit of " + limits.maxDepth()));
            }
            BigDecimal spent = delegation.total.get();
            if (limits.maxCostUsd() != null && spent.compareTo(limits.maxCostUsd()) >= 0) {
                return Mono.error(new AgentLimitException(path, "not run: the delegation has spent $"
                        + spent.toPlainString() + ", its budget is $" + limits.maxCostUsd().toPlainString()));
            }
            Conversation agent = ConversationFactory.openAgent(caller.pack(), target,
                    options(call, context, delegation), path, delegation);
            return agent.sendAsync(input(call)).map(response -> {
                if (!response.pendingTools().isEmpty()) {
                    throw new ToolException(target, "the agent's tool calls wait for approval, which agent tools do"
                            + " not support");
                }
                return new MeteredAnswer(response.text(), response.costInfo());
            }).doFinally(signal -> agent.close());
        });
    }

    private ConversationOptions options(ToolCall call, ToolContext context, Spending delegation) {
        McpServers mcp = caller.ownedMcpServers() != null ? caller.ownedMcpServers()
                : caller.options().tools().mcpServers();
        return caller.options().toBuilder()
                .provider(caller.provider())
                .state(state -> new StateOptions(new InMemoryStateStore(), null,
                        context.conversationId() + "/" + target + "/" + call.id()))
                .pipeline(pipeline -> new PipelineOptions(variables(call), pipeline.variableProviders(),
                        pipeline.stages().stream().filter(stage -> !(stage.getKey() instanceof Spending)).toList(),
                        caller.events(), null, pipeline.liveEvals())
                        .withStage(delegation, StagePlacement.after(ProviderStage.NAME)))
                .tools(tools -> tools.forAgent(callerTools::binding, mcp))
                .build();
    }

    private String input(ToolCall call) {
        JsonNode input = call.args() == null ? null : call.args().get(AgentToolDescriptors.INPUT);
        if (input == null || !input.isString() || input.asString().isBlank()) {
            throw new ToolException(target, "the call has no '" + AgentToolDescriptors.INPUT
                    + "': the text to send the agent");
        }
        return input.asString();
    }

    /** The call's arguments besides the input, as the sub-conversation's variables (JSON text when not a string). */
    private static Map<String, String> variables(ToolCall call) {
        Map<String, String> variables = new HashMap<>();
        if (call.args() != null && call.args().isObject()) {
            call.args().properties().forEach(entry -> {
                if (!entry.getKey().equals(AgentToolDescriptors.INPUT) && !entry.getValue().isNull()) {
                    JsonNode value = entry.getValue();
                    variables.put(entry.getKey(), value.isString() ? value.asString() : value.toString());
                }
            });
        }
        return variables;
    }

    /**
     * What one delegation has spent, in US dollars: a stage of each of its sub-conversations, after the provider
     * stage, adds the cost of every answer the provider gives as it passes.
     */
    static final class Spending implements Stage {

        private final AtomicReference<BigDecimal> total = new AtomicReference<>(BigDecimal.ZERO);

        @Override
        public String name() {
            return "agent-spending";
        }

        @Override
        public StageType type() {
            return StageType.TRANSFORM;
        }

        @Override
        public Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn) {
            return in.doOnNext(element -> {
                if (element.isMessage() && element.message().role() == Role.ASSISTANT
                        && element.message().costInfo() != null) {
                    total.accumulateAndGet(element.message().costInfo().totalCostUsd(), BigDecimal::add);
                }
            });
        }
    }
}
