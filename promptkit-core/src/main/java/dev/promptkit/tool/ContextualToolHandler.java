/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import java.util.Map;

/**
 * A {@link ToolHandler} that also receives the {@link ToolContext} (conversation id, call id, tool name).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ContextualToolHandler {

    Object handle(ToolContext context, Map<String, Object> arguments) throws Exception;
}
