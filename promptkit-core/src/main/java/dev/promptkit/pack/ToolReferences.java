/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the tool names in a pack's prompts refer to. A name the pack's {@code tools} defines is a pack tool. Otherwise:
 * {@code mcp__<server>__<tool>} is an MCP server's tool; {@code a2a__<agent>__<skill>} is a remote A2A agent's skill
 * (an undefined tool that the application's remote agents answer, see the promptkit-a2a module); the key of another
 * prompt of the pack is that prompt as an
 * <em>agent tool</em>, which runs as a sub-conversation; any other name is an <em>undefined</em> tool, which a handler
 * registered at run time (or an MCP server's tool of that name) must answer.
 *
 * @since 0.1.0
 */
public final class ToolReferences {

    /** The prefix of MCP servers' tools: {@code mcp__<server>__<tool>}, or {@code mcp__<server>__*}. */
    public static final String MCP_PREFIX = "mcp__";
    /** The prefix of remote A2A agents' skills: {@code a2a__<agent>__<skill>}. */
    public static final String A2A_PREFIX = "a2a__";

    private ToolReferences() {
    }

    /** Whether {@code name}, named by a prompt's tools, is another prompt of the pack run as an agent tool. */
    public static boolean isAgentTool(Pack pack, String name) {
        return !pack.tools().containsKey(name) && pack.prompts().containsKey(name);
    }

    /** Whether {@code name}, named by a prompt's tools, is neither a pack tool, an MCP tool nor a prompt. */
    public static boolean isUndefined(Pack pack, String name) {
        return !pack.tools().containsKey(name) && !pack.prompts().containsKey(name) && !name.startsWith(MCP_PREFIX);
    }

    /** The agent tools the pack's prompts name, in the order they are first named. */
    public static Set<String> agentTools(Pack pack) {
        Set<String> names = new LinkedHashSet<>();
        pack.prompts().values().stream().filter(Objects::nonNull).forEach(prompt -> prompt.tools().stream().filter(name -> isAgentTool(pack, name))
                .forEach(names::add));
        return names;
    }

    /** The undefined tools the pack's prompts name, in the order they are first named. */
    public static Set<String> undefinedTools(Pack pack) {
        Set<String> names = new LinkedHashSet<>();
        pack.prompts().values().stream().filter(Objects::nonNull).forEach(prompt -> prompt.tools().stream().filter(name -> isUndefined(pack, name))
                .forEach(names::add));
        return names;
    }
}
