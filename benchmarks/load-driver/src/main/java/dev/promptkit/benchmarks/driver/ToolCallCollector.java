/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.driver;

import tools.jackson.databind.JsonNode;

/** Collects the streamed {@code delta.tool_calls[0]} of the direct mode's first request. */
final class ToolCallCollector {
    String id;
    String name;
    final StringBuilder arguments = new StringBuilder();

    void accept(String data) {
        JsonNode chunk = LoadDriver.JSON.readTree(data);
        for (JsonNode call : chunk.path("choices").path(0).path("delta").path("tool_calls")) {
            if (call.hasNonNull("id")) {
                id = call.get("id").asString();
            }
            JsonNode function = call.path("function");
            if (function.hasNonNull("name")) {
                name = function.get("name").asString();
            }
            if (function.hasNonNull("arguments")) {
                arguments.append(function.get("arguments").asString());
            }
        }
    }
}
