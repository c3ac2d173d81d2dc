/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import dev.promptkit.types.ReasoningSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reasoning settings a prompt's {@code parameters} (and a {@code model_overrides} entry's) may carry in this
 * port, named as the Go runtime names them in a provider's {@code additional_config}: {@code reasoning_effort}
 * ({@code minimal}, {@code low}, {@code medium} or {@code high}), {@code thinking_budget} (tokens; 0 turns
 * thinking off, -1 lets a Gemini model decide) and {@code include_thoughts} (ask for the reasoning as text). The
 * PromptPack v1.4.0 schema does not define them and its {@code Parameters} takes no other keys, so they are added to
 * the schema the loader checks against, with their types and ranges: a pack using them is valid here, and a spec
 * validator elsewhere reports them as unknown keys.
 */
final class ReasoningParameters {

    private ReasoningParameters() {
    }

    /** The schema with the reasoning parameters added to {@code $defs/Parameters}. */
    static JsonNode addTo(JsonNode schema) {
        ObjectNode properties = (ObjectNode) schema.path("$defs").path("Parameters").path("properties");
        ObjectNode effort = properties.putObject("reasoning_effort").put("type", "string")
                .put("description", "How hard a reasoning model thinks (OpenAI reasoning_effort, Gemini "
                        + "thinkingLevel)");
        ReasoningSettings.EFFORTS.stream().sorted().forEach(effort.putArray("enum")::add);
        properties.putObject("thinking_budget").put("type", "integer").put("minimum", -1)
                .put("description", "The most tokens to think with (Claude budget_tokens, at least 1024; Gemini "
                        + "thinkingBudget, 0 off, -1 dynamic)");
        properties.putObject("include_thoughts").put("type", "boolean")
                .put("description", "Whether to ask for the reasoning as readable text");
        return schema;
    }
}
