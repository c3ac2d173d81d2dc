/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.types.ToolDescriptor;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a tool as a model is offered it: its name, its description and the JSON Schema of its input. See
 * {@link ChatCompletionsShape#tool} for the Chat Completions form.
 *
 * @since 0.1.0
 */
public final class ToolDeclarations {

    private ToolDeclarations() {
    }

    /**
     * Puts the tool's {@code name}, its {@code description} when it has one, and its input schema under
     * {@code schemaField}: an object schema without properties when it has none, as the vendors require one.
     *
     * @return {@code target}
     */
    public static ObjectNode describe(ObjectNode target, ToolDescriptor tool, String schemaField) {
        target.put("name", tool.name());
        if (tool.description() != null) {
            target.put("description", tool.description());
        }
        if (tool.inputSchema() != null) {
            target.set(schemaField, tool.inputSchema());
        }
        else {
            target.putObject(schemaField).put("type", "object").putObject("properties");
        }
        return target;
    }
}
