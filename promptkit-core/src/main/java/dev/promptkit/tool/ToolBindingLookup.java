/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import java.util.Optional;

/**
 * Handlers shared by many conversations and looked up when a call is made, so that handlers
 * discovered after a conversation was opened (a Spring bean created later, for example) still answer
 * it. A conversation's own bindings win over these.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ToolBindingLookup {

    ToolBindingLookup NONE = toolName -> Optional.empty();

    Optional<ToolBinding> find(String toolName);
}
