/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.tool.BlockingToolThreads;
import dev.promptkit.tool.ToolBinding;
import dev.promptkit.tool.ToolBindingLookup;
import dev.promptkit.tool.ToolCallRunner;
import dev.promptkit.tool.mcp.McpServerConfig;
import dev.promptkit.tool.mcp.McpServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a conversation's tool calls are answered and run: part of {@link ConversationOptions}. Change it with
 * {@code ConversationOptions.builder().tools(tools -> tools.withTimeout(Duration.ofSeconds(5)))}.
 *
 * @param bindings tool handlers every conversation starts with, by tool name
 * @param shared handlers looked up at call time for tools a conversation has not bound itself (the Spring starter's
 *     {@code @PromptTool} methods)
 * @param blockingThreads where {@code onTool} handlers, which may block, run; {@code null} for
 *     {@link BlockingToolThreads#shared()} (see {@link #blockingThreads()})
 * @param timeout the longest a tool call may take before it fails with a timeout error
 * @param maxParallel how many tool calls of one round run at the same time
 * @param mcpServers MCP servers shared with other conversations, started and stopped by their owner; {@code null}
 *     for none
 * @param mcpServerConfigs MCP servers the conversation starts on first use and stops when it is closed
 * @param agentLimits how deep and how costly agent tools (prompts of the pack named as tools) may delegate
 *
 * @since 0.1.0
 */
public record ToolOptions(Map<String, ToolBinding> bindings, ToolBindingLookup shared,
        BlockingToolThreads blockingThreads, Duration timeout, int maxParallel, McpServers mcpServers,
        List<McpServerConfig> mcpServerConfigs, AgentLimits agentLimits) {

    /**
     * No handlers, the shared blocking threads, a 30 s timeout, 10 calls at once, no MCP servers, the default
     * {@link AgentLimits}.
     */
    public static final ToolOptions DEFAULTS = new ToolOptions(Map.of(), ToolBindingLookup.NONE, null,
            ToolCallRunner.DEFAULT_TIMEOUT, ToolCallRunner.DEFAULT_MAX_PARALLEL, null, List.of(), AgentLimits.DEFAULTS);

    public ToolOptions {
        bindings = OptionValues.copy(bindings, "tool binding");
        Objects.requireNonNull(shared, "shared");
        OptionValues.positive(timeout, "tool timeout");
        OptionValues.atLeast(maxParallel, 1, "maxParallel");
        mcpServerConfigs = List.copyOf(mcpServerConfigs);
        Objects.requireNonNull(agentLimits, "agentLimits");
    }

    /** Where {@code onTool} handlers run: the threads set, else {@link BlockingToolThreads#shared()}. */
    @Override
    public BlockingToolThreads blockingThreads() {
        return blockingThreads != null ? blockingThreads : BlockingToolThreads.shared();
    }

    /** These options with a handler every conversation starts with. */
    public ToolOptions withBinding(String toolName, ToolBinding binding) {
        return new ToolOptions(OptionValues.plus(bindings, OptionValues.text(toolName, "tool name"),
                Objects.requireNonNull(binding, "binding")), shared, blockingThreads, timeout, maxParallel,
                mcpServers, mcpServerConfigs, agentLimits);
    }

    public ToolOptions withShared(ToolBindingLookup lookup) {
        return new ToolOptions(bindings, lookup, blockingThreads, timeout, maxParallel, mcpServers, mcpServerConfigs,
                agentLimits);
    }

    /**
     * These options with handlers running on {@code threads}: they may block, so never on an event loop. By default
     * {@link BlockingToolThreads#shared()}: virtual threads from Java 24, else platform threads sized for I/O.
     */
    public ToolOptions withBlockingThreads(BlockingToolThreads threads) {
        return new ToolOptions(bindings, shared, Objects.requireNonNull(threads, "blockingThreads"), timeout,
                maxParallel, mcpServers, mcpServerConfigs, agentLimits);
    }

    public ToolOptions withTimeout(Duration callTimeout) {
        return new ToolOptions(bindings, shared, blockingThreads, callTimeout, maxParallel, mcpServers,
                mcpServerConfigs, agentLimits);
    }

    public ToolOptions withMaxParallel(int calls) {
        return new ToolOptions(bindings, shared, blockingThreads, timeout, calls, mcpServers, mcpServerConfigs,
                agentLimits);
    }

    /**
     * These options with MCP servers whose tools prompts may offer ({@code mcp__<server>__<tool>} in a prompt's
     * tools); shared, so their owner starts and stops them.
     */
    public ToolOptions withMcpServers(McpServers servers) {
        return new ToolOptions(bindings, shared, blockingThreads, timeout, maxParallel, servers, mcpServerConfigs,
                agentLimits);
    }

    /** These options with an MCP server the conversation starts on first use and stops when it is closed. */
    public ToolOptions withMcpServer(McpServerConfig config) {
        return new ToolOptions(bindings, shared, blockingThreads, timeout, maxParallel, mcpServers,
                OptionValues.plus(mcpServerConfigs, Objects.requireNonNull(config, "config")), agentLimits);
    }

    /** These options with other limits for agent tools. */
    public ToolOptions withAgentLimits(AgentLimits limits) {
        return new ToolOptions(bindings, shared, blockingThreads, timeout, maxParallel, mcpServers, mcpServerConfigs,
                Objects.requireNonNull(limits, "agentLimits"));
    }

    /** The options of an agent tool's sub-conversation: {@code lookup} answers its tools, it shares {@code servers}. */
    ToolOptions forAgent(ToolBindingLookup lookup, McpServers servers) {
        return new ToolOptions(bindings, lookup, blockingThreads, timeout, maxParallel, servers, List.of(), agentLimits);
    }
}
