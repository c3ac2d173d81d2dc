/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.Prompt;
import dev.promptkit.pack.ToolDef;
import dev.promptkit.tool.ToolBinding;
import dev.promptkit.tool.ToolRegistry;
import dev.promptkit.tool.mcp.McpServers;
import dev.promptkit.tool.mcp.McpTool;
import dev.promptkit.types.ToolChoice;
import dev.promptkit.types.ToolDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The tools a prompt offers the model, and its tool choice: the pack tools named in its {@code tools[]} (less the
 * tool policy's blocklist), then the MCP servers' tools it names ({@code mcp__<server>__<tool>} or
 * {@code mcp__<server>__*}).
 *
 * @since 0.1.0
 */
public record OfferedTools(List<ToolDescriptor> tools, ToolChoice choice) {

    private static final String MCP_PREFIX = "mcp__";

    public OfferedTools {
        tools = List.copyOf(tools);
    }

    /**
     * What {@code prompt} offers; the MCP tools it names, from the servers that are up (a server that is down offers
     * none), are bound in {@code registry}.
     *
     * @param mcpServers the servers whose tools the prompt may offer; {@code null} for none
     */
    public static Mono<OfferedTools> of(Pack pack, Prompt prompt, McpServers mcpServers, ToolRegistry registry) {
        return mcpTools(prompt, mcpServers).map(mcpTools -> {
            List<ToolDescriptor> offered = new ArrayList<>(packTools(pack, prompt));
            for (McpTool tool : mcpTools) {
                registry.addDiscovered(tool.descriptor(), ToolBinding.of(tool.executor(), "mcp"));
                offered.add(tool.descriptor());
            }
            return new OfferedTools(offered, ToolChoice.parse(prompt.toolPolicy().toolChoice()));
        });
    }

    /** The pack tools a prompt offers, in the prompt's order, without the blocklisted ones. */
    public static List<ToolDescriptor> packTools(Pack pack, Prompt prompt) {
        List<String> blocked = prompt.toolPolicy().blocklist();
        return prompt.tools().stream()
                .filter(name -> !blocked.contains(name))
                .map(pack.tools()::get)
                .filter(Objects::nonNull)
                .map(OfferedTools::descriptor)
                .toList();
    }

    private static Mono<List<McpTool>> mcpTools(Prompt prompt, McpServers mcpServers) {
        List<String> wanted = prompt.tools().stream().filter(name -> name.startsWith(MCP_PREFIX))
                .filter(name -> !prompt.toolPolicy().blocklist().contains(name)).toList();
        if (mcpServers == null || wanted.isEmpty()) {
            return Mono.just(List.of());
        }
        return mcpServers.tools().map(tools -> tools.stream()
                .filter(tool -> wanted.stream().anyMatch(name -> name.endsWith("*")
                        ? tool.descriptor().name().startsWith(name.substring(0, name.length() - 1))
                        : tool.descriptor().name().equals(name)))
                .toList());
    }

    private static ToolDescriptor descriptor(ToolDef tool) {
        return new ToolDescriptor(tool.name(), tool.description(), tool.parameters());
    }
}
