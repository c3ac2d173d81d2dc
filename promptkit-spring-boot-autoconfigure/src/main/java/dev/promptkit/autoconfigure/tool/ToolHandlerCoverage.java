/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.tool;

import dev.promptkit.autoconfigure.pack.PromptPacks;
import dev.promptkit.pack.Pack;
import dev.promptkit.tool.mcp.McpServers;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Reports at start-up the tools the packs' prompts offer that nothing answers: no {@code @PromptTool} method, no
 * {@code ToolExecutor} bean and, for an {@code mcp__<server>__<tool>} name, no such MCP server. One WARN line lists
 * them (the model would get an error calling them, unless the code binds them with {@code Conversation.onTool});
 * with {@code promptkit.tools.require-handlers=true} start-up fails instead. Runs after the
 * {@link PromptToolMethodProcessor} has filled the catalog (its bean is defined after it).
 */
final class ToolHandlerCoverage implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ToolHandlerCoverage.class);
    private static final String MCP_PREFIX = "mcp__";

    private final PromptPacks packs;
    private final PromptToolCatalog catalog;
    private final Supplier<McpServers> mcpServers;
    private final boolean requireHandlers;

    ToolHandlerCoverage(PromptPacks packs, PromptToolCatalog catalog, Supplier<McpServers> mcpServers,
            boolean requireHandlers) {
        this.packs = packs;
        this.catalog = catalog;
        this.mcpServers = mcpServers;
        this.requireHandlers = requireHandlers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, Set<String>> unanswered = unanswered();
        if (unanswered.isEmpty()) {
            return;
        }
        String listed = unanswered.entrySet().stream()
                .map(tool -> tool.getKey() + " (" + String.join(", ", tool.getValue()) + ")")
                .collect(Collectors.joining(", "));
        String fix = unanswered.keySet().stream().map(tool -> "@PromptTool(\"" + tool + "\")")
                .collect(Collectors.joining(", ")) + " methods, ToolExecutor beans named after the tools, or MCP "
                + "servers (promptkit.mcp.servers.<name>, for mcp__<name>__<tool> tools)";
        if (requireHandlers) {
            throw new ToolBindingException("The packs' prompts offer tools that no handler answers: " + listed
                    + " (promptkit.tools.require-handlers=true).", "Add " + fix + "; or take the tools out of the "
                    + "prompts' \"tools\"; or set promptkit.tools.require-handlers=false if the code binds them "
                    + "with Conversation.onTool.", null);
        }
        log.warn("Pack tools with no handler: {}. The model gets an error when it calls them, unless the code binds "
                + "them with Conversation.onTool; add {}, or set promptkit.tools.require-handlers=true to fail "
                + "start-up instead", listed, fix);
    }

    /** Each unanswered tool with the prompts that offer it ({@code pack/prompt}), sorted. */
    private Map<String, Set<String>> unanswered() {
        Set<String> servers = new TreeSet<>();
        McpServers mcp = mcpServers.get();
        if (mcp != null) {
            mcp.servers().forEach(server -> servers.add(server.name()));
        }
        Map<String, Set<String>> unanswered = new TreeMap<>();
        packs.byName().forEach((packName, pack) -> offered(pack).forEach((tool, prompts) -> {
            if (!answered(tool, servers)) {
                prompts.forEach(prompt -> unanswered.computeIfAbsent(tool, name -> new TreeSet<>())
                        .add("prompt '" + prompt + "' of pack '" + packName + "'"));
            }
        }));
        return unanswered;
    }

    private static Map<String, Set<String>> offered(Pack pack) {
        Map<String, Set<String>> offered = new TreeMap<>();
        pack.prompts().forEach((promptName, prompt) -> prompt.tools()
                .forEach(tool -> offered.computeIfAbsent(tool, name -> new TreeSet<>()).add(promptName)));
        return offered;
    }

    private boolean answered(String tool, Set<String> servers) {
        if (catalog.find(tool).isPresent()) {
            return true;
        }
        if (!tool.startsWith(MCP_PREFIX)) {
            return false;
        }
        int end = tool.indexOf("__", MCP_PREFIX.length());
        return end > 0 && servers.contains(tool.substring(MCP_PREFIX.length(), end));
    }
}
