/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

import tools.jackson.databind.JsonNode;

/**
 * A tool as offered to a model: its name, a description the model reads, and the JSON Schema of its
 * arguments (an object schema).
 *
 * @since 0.1.0
 */
public record ToolDescriptor(String name, String description, JsonNode inputSchema) {
}
