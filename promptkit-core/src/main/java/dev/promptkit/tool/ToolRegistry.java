/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.ToolDef;
import dev.promptkit.pack.ToolReferences;
import dev.promptkit.types.ToolDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tools one conversation knows: the ones its pack declares or its prompts name, plus tools discovered at run time
 * (MCP servers), each with the {@link ToolBinding} that answers it. A handler can only be bound to a
 * known tool. Thread-safe.
 *
 * @since 0.1.0
 */
public final class ToolRegistry {

    private final Map<String, ToolDescriptor> descriptors = new ConcurrentHashMap<>();
    private final Map<String, ToolBinding> bindings = new ConcurrentHashMap<>();
    private final Map<String, ToolDescriptor> capabilities = new ConcurrentHashMap<>();
    private final ToolBindingLookup shared;

    private ToolRegistry(ToolBindingLookup shared) {
        this.shared = shared;
    }

    /** A registry of the pack's tools, none of them bound yet. */
    public static ToolRegistry forPack(Pack pack) {
        return forPack(pack, ToolBindingLookup.NONE);
    }

    /**
     * A registry of the pack's tools, answered by {@code shared} handlers unless bound here: the tools the pack defines,
     * and those its prompts name without defining them ({@link ToolReferences}), described by
     * {@link AgentToolDescriptors} unless {@code shared} describes them.
     */
    public static ToolRegistry forPack(Pack pack, ToolBindingLookup shared) {
        ToolRegistry registry = new ToolRegistry(shared);
        for (Map.Entry<String, ToolDef> tool : pack.tools().entrySet()) {
            ToolDef def = tool.getValue();
            registry.descriptors.put(tool.getKey(), new ToolDescriptor(tool.getKey(), def.description(), def.parameters()));
        }
        ToolReferences.agentTools(pack).forEach(name -> registry.descriptors.put(name,
                AgentToolDescriptors.agent(pack, name)));
        ToolReferences.undefinedTools(pack).forEach(name -> registry.descriptors.put(name,
                shared.describe(name).orElseGet(() -> AgentToolDescriptors.undefined(name))));
        return registry;
    }

    /**
     * Binds a tool to its handler, replacing an earlier binding.
     *
     * @throws ToolNotInPackException when no such tool is known
     */
    public ToolRegistry bind(String toolName, ToolBinding binding) {
        if (!descriptors.containsKey(toolName)) {
            throw new ToolNotInPackException(toolName, descriptors.keySet());
        }
        bindings.put(toolName, binding);
        return this;
    }

    /**
     * Offers a capability tool (such as a workflow's transition tool) on every turn, besides the tools the prompt
     * names; replaces an earlier one of the same name.
     */
    public ToolRegistry offer(ToolDescriptor descriptor, ToolBinding binding) {
        descriptors.put(descriptor.name(), descriptor);
        bindings.put(descriptor.name(), binding);
        capabilities.put(descriptor.name(), descriptor);
        return this;
    }

    /** The capability tools offered on every turn ({@link #offer}), by name. */
    public java.util.List<ToolDescriptor> capabilityTools() {
        return capabilities.values().stream().sorted(java.util.Comparator.comparing(ToolDescriptor::name)).toList();
    }

    /** Adds a tool discovered at run time (not declared by the pack) together with its binding. */
    public ToolRegistry addDiscovered(ToolDescriptor descriptor, ToolBinding binding) {
        descriptors.put(descriptor.name(), descriptor);
        bindings.put(descriptor.name(), binding);
        return this;
    }

    public Optional<ToolDescriptor> descriptor(String toolName) {
        return Optional.ofNullable(descriptors.get(toolName));
    }

    /** The tool's handler: bound here, else a shared one. */
    public Optional<ToolBinding> binding(String toolName) {
        ToolBinding own = bindings.get(toolName);
        return own != null ? Optional.of(own) : shared.find(toolName);
    }

    /**
     * This registry as a shared lookup (for an agent tool's sub-conversation): its handlers (its own, else the shared
     * ones) and the shared lookup's descriptions.
     */
    public ToolBindingLookup asLookup() {
        return new ToolBindingLookup() {
            @Override
            public Optional<ToolBinding> find(String toolName) {
                return binding(toolName);
            }

            @Override
            public Optional<ToolDescriptor> describe(String toolName) {
                return shared.describe(toolName);
            }
        };
    }

    /** The names of the known tools. */
    public java.util.Set<String> toolNames() {
        return java.util.Set.copyOf(descriptors.keySet());
    }

    /** Every known tool and where its handler comes from ({@code missing} when unbound), sorted by name. */
    public Map<String, String> handlerOrigins() {
        Map<String, String> origins = new LinkedHashMap<>();
        descriptors.keySet().stream().sorted().forEach(name -> origins.put(name,
                binding(name).map(ToolBinding::origin).orElse("missing")));
        return origins;
    }

    /** Schema violations of a call's arguments, each {@code /pointer: message}; empty when valid. */
    public java.util.List<String> violations(ToolDescriptor tool, tools.jackson.databind.JsonNode arguments) {
        return ToolArgumentsValidator.violations(tool, arguments);
    }

    /** An independent copy with the same tools and bindings (for a forked conversation). */
    public ToolRegistry copy() {
        ToolRegistry copy = new ToolRegistry(shared);
        copy.descriptors.putAll(descriptors);
        copy.bindings.putAll(bindings);
        copy.capabilities.putAll(capabilities);
        return copy;
    }
}
