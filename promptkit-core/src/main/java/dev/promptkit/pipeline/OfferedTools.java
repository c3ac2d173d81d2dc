/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.Prompt;
import dev.promptkit.pack.ToolReferences;
import dev.promptkit.tool.ToolBinding;
import dev.promptkit.tool.ToolRegistry;
import dev.promptkit.tool.mcp.McpServers;
import dev.promptkit.tool.mcp.McpTool;
import dev.promptkit.types.ToolChoice;
import dev.promptkit.types.ToolDescriptor;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The tools a prompt offers the model, and its tool choice: the tools named in its {@code tools[]} (less the tool
 * policy's blocklist), in its order, as the conversation's {@link ToolRegistry} describes them (pack tools, agent
 * tools, undefined tools), then the MCP servers' tools it names ({@code mcp__<server>__<tool>} or
 * {@code mcp__<server>__*}). An undefined tool that no handler answers is bound to an MCP server's tool of the same
 * name ({@code mcp__<server>__<name>}) when one is up; otherwise it is still offered, and calling it gives the model an
 * error result saying that nothing answers it.
 *
 * @since 0.1.0
 */
public record OfferedTools(List<ToolDescriptor> tools, ToolChoice choice) {

    private static final String MCP_PREFIX = ToolReferences.MCP_PREFIX;

    public OfferedTools {
        tools = List.copyOf(tools);
    }

    /**
     * What {@code prompt} offers; the MCP tools it names, from the servers that are up (a server that is down offers
     * none), are bound in {@code registry}, as are the MCP tools that answer its undefined tools.
     *
     * @param mcpServers the servers whose tools the prompt may offer; {@code null} for none
     */
    public static Mono<OfferedTools> of(Pack pack, Prompt prompt, McpServers mcpServers, ToolRegistry registry) {
        List<String> named = prompt.tools().stream().filter(name -> !prompt.toolPolicy().blocklist().contains(name))
                .toList();
        List<String> unanswered = named.stream().filter(name -> ToolReferences.isUndefined(pack, name)
                && registry.binding(name).isEmpty()).toList();
        boolean wantsMcp = !unanswered.isEmpty() || named.stream().anyMatch(name -> name.startsWith(MCP_PREFIX));
        Mono<List<McpTool>> mcpTools = mcpServers == null || !wantsMcp ? Mono.just(List.of()) : mcpServers.tools();
        return mcpTools.map(available -> {
            unanswered.forEach(name -> answerFromMcp(name, available, registry));
            List<ToolDescriptor> offered = new ArrayList<>();
            named.stream().filter(name -> !name.startsWith(MCP_PREFIX))
                    .forEach(name -> registry.descriptor(name).ifPresent(offered::add));
            for (McpTool tool : available) {
                if (named.stream().anyMatch(name -> name.startsWith(MCP_PREFIX) && matches(tool, name))) {
                    registry.addDiscovered(tool.descriptor(), ToolBinding.of(tool.executor(), "mcp"));
                    offered.add(tool.descriptor());
                }
            }
            offered.addAll(registry.capabilityTools());
            return new OfferedTools(offered, ToolChoice.parse(prompt.toolPolicy().toolChoice()));
        });
    }

    private static boolean matches(McpTool tool, String name) {
        return name.endsWith("*") ? tool.descriptor().name().startsWith(name.substring(0, name.length() - 1))
                : tool.descriptor().name().equals(name);
    }

    /** Binds the undefined tool {@code name} to the first MCP tool {@code mcp__<server>__<name>}, if there is one. */
    private static void answerFromMcp(String name, List<McpTool> available, ToolRegistry registry) {
        available.stream().filter(tool -> tool.descriptor().name().endsWith("__" + name)).findFirst()
                .ifPresent(tool -> registry.addDiscovered(new ToolDescriptor(name, tool.descriptor().description(),
                        tool.descriptor().inputSchema()), ToolBinding.of(tool.executor(), "mcp")));
    }
}
