/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import java.util.List;

/**
 * Which of a server's tools are offered, by the server's own tool names. A name is allowed when the
 * allowlist is empty or matches it, and the blocklist does not. A pattern ending in {@code *} matches
 * every name that starts with what precedes it; any other pattern matches one name exactly.
 *
 * @since 0.1.0
 */
public record McpToolFilter(List<String> allowlist, List<String> blocklist) {

    /** Offers every tool. */
    public static final McpToolFilter ALL = new McpToolFilter(List.of(), List.of());

    public McpToolFilter {
        allowlist = allowlist == null ? List.of() : List.copyOf(allowlist);
        blocklist = blocklist == null ? List.of() : List.copyOf(blocklist);
    }

    public static McpToolFilter allow(String... patterns) {
        return new McpToolFilter(List.of(patterns), List.of());
    }

    public static McpToolFilter block(String... patterns) {
        return new McpToolFilter(List.of(), List.of(patterns));
    }

    public boolean allows(String toolName) {
        return (allowlist.isEmpty() || matchesAny(allowlist, toolName)) && !matchesAny(blocklist, toolName);
    }

    private static boolean matchesAny(List<String> patterns, String toolName) {
        return patterns.stream().anyMatch(pattern -> pattern.endsWith("*")
                ? toolName.startsWith(pattern.substring(0, pattern.length() - 1))
                : toolName.equals(pattern));
    }
}
