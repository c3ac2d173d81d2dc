/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.Prompt;
import dev.promptkit.pack.ToolDef;
import dev.promptkit.tool.ToolBinding;
import dev.promptkit.tool.mcp.McpServers;
import dev.promptkit.tool.mcp.McpTool;
import dev.promptkit.types.ModelParameters;
import dev.promptkit.types.ResponseFormat;
import dev.promptkit.types.ToolChoice;
import dev.promptkit.types.ToolDescriptor;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sets what the prompt offers the model this turn: the tools named in its {@code tools[]} (less the
 * tool policy's blocklist), MCP servers' tools it names, the tool choice, and the model parameters (the
 * pack's, with the conversation's overrides on top).
 *
 * @since 0.1.0
 */
public final class PromptAssemblyStage implements Stage {

    public static final String NAME = "prompt_assembly";

    private static final String MCP_PREFIX = "mcp__";

    private final ModelParameters parameterOverrides;
    private final ResponseFormat responseFormat;
    private final McpServers mcpServers;

    /**
     * @param mcpServers the MCP servers whose tools a prompt may offer ({@code mcp__<server>__<tool>} or
     *     {@code mcp__<server>__*} in its {@code tools[]}); {@code null} for none
     */
    public PromptAssemblyStage(ModelParameters parameterOverrides, ResponseFormat responseFormat,
            McpServers mcpServers) {
        this.parameterOverrides = parameterOverrides;
        this.responseFormat = responseFormat;
        this.mcpServers = mcpServers;
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
        return TurnPreparation.before(in, () -> offeredMcpTools(turn).doOnNext(mcpTools -> {
            Prompt prompt = turn.prompt();
            List<ToolDescriptor> offered = new ArrayList<>(offeredTools(turn.pack(), prompt));
            for (McpTool tool : mcpTools) {
                turn.toolRegistry().addDiscovered(tool.descriptor(), ToolBinding.of(tool.executor(), "mcp"));
                offered.add(tool.descriptor());
            }
            turn.tools(offered);
            turn.toolChoice(ToolChoice.parse(prompt.toolPolicy().toolChoice()));
            turn.parameters(prompt.parameters().toModelParameters().overriddenBy(parameterOverrides));
            if (responseFormat != null) {
                turn.responseFormat(responseFormat);
            }
        }).then());
    }

    /** The MCP tools the prompt names, from the servers that are up (a server that is down offers none). */
    private Mono<List<McpTool>> offeredMcpTools(TurnContext turn) {
        List<String> wanted = turn.prompt().tools().stream().filter(name -> name.startsWith(MCP_PREFIX))
                .filter(name -> !turn.prompt().toolPolicy().blocklist().contains(name)).toList();
        if (mcpServers == null || wanted.isEmpty()) {
            return Mono.just(List.of());
        }
        return mcpServers.tools().map(tools -> tools.stream()
                .filter(tool -> wanted.stream().anyMatch(name -> name.endsWith("*")
                        ? tool.descriptor().name().startsWith(name.substring(0, name.length() - 1))
                        : tool.descriptor().name().equals(name)))
                .toList());
    }

    /** The pack tools a prompt offers, in the prompt's order, without the blocklisted ones. */
    public static List<ToolDescriptor> offeredTools(Pack pack, Prompt prompt) {
        List<String> blocked = prompt.toolPolicy().blocklist();
        return prompt.tools().stream()
                .filter(name -> !blocked.contains(name))
                .map(pack.tools()::get)
                .filter(java.util.Objects::nonNull)
                .map(PromptAssemblyStage::descriptor)
                .toList();
    }

    private static ToolDescriptor descriptor(ToolDef tool) {
        return new ToolDescriptor(tool.name(), tool.description(), tool.parameters());
    }
}
