/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import dev.promptkit.types.ToolDescriptor;
import java.util.Optional;

/**
 * Handlers shared by many conversations and looked up when a call is made, so that handlers
 * discovered after a conversation was opened (a Spring bean created later, for example) still answer
 * it. A conversation's own bindings win over these. A lookup may also describe a tool that a pack's prompts name
 * without the pack defining it (a remote agent's skill, say), so that the model sees what it does and takes.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ToolBindingLookup {

    ToolBindingLookup NONE = toolName -> Optional.empty();

    Optional<ToolBinding> find(String toolName);

    /** How the model sees {@code toolName}, a tool the pack names but does not define; empty when unknown here. */
    default Optional<ToolDescriptor> describe(String toolName) {
        return Optional.empty();
    }
}
