/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.tool;

import dev.promptkit.tool.ToolBinding;
import dev.promptkit.tool.ToolBindingLookup;
import dev.promptkit.types.ToolDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The application's {@code @PromptTool} methods by tool name, looked up by every conversation when the
 * model calls a tool. Filled once the application's singletons exist.
 *
 * @since 0.1.0
 */
public final class PromptToolCatalog implements ToolBindingLookup {

    private final Map<String, ToolBinding> bindings = new ConcurrentHashMap<>();
    private final List<ToolBindingLookup> included = new CopyOnWriteArrayList<>();

    void add(String toolName, ToolBinding binding) {
        bindings.put(toolName, binding);
    }

    /** Answers (and describes) the tools {@code lookup} knows and this catalog has no method for. */
    public void include(ToolBindingLookup lookup) {
        included.add(lookup);
    }

    @Override
    public Optional<ToolBinding> find(String toolName) {
        ToolBinding own = bindings.get(toolName);
        return own != null ? Optional.of(own) : included.stream().map(lookup -> lookup.find(toolName))
                .flatMap(Optional::stream).findFirst();
    }

    @Override
    public Optional<ToolDescriptor> describe(String toolName) {
        return included.stream().map(lookup -> lookup.describe(toolName)).flatMap(Optional::stream).findFirst();
    }

    /** Each tool with its handler's origin ({@code bean#method}), sorted by tool name. */
    public Map<String, String> origins() {
        Map<String, String> origins = new TreeMap<>();
        bindings.forEach((name, binding) -> origins.put(name, binding.origin()));
        return origins;
    }
}
