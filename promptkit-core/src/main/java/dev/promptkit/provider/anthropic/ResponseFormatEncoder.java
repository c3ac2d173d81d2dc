/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.anthropic;

import dev.promptkit.types.ResponseFormat;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a {@link ResponseFormat} reaches Claude. A <em>strict</em> JSON schema becomes
 * {@code output_config.format} ({@code {"type": "json_schema", "schema": ...}}), Anthropic's structured
 * outputs: decoding is constrained to the schema, but only models from the 4.5 generation on accept it
 * and the schema must keep to the subset the API documents (as OpenAI's strict mode does). A non-strict
 * schema and {@link ResponseFormat.Type#JSON_OBJECT} have no Messages API parameter: they become an
 * instruction at the end of the system prompt, which every model follows well but nothing enforces.
 */
final class ResponseFormatEncoder {

    private static final String NOTHING_ELSE = " and nothing else: no text before or after it, no Markdown code"
            + " fence.";

    private ResponseFormatEncoder() {
    }

    /** The {@code output_config} for a strict schema, or {@code null}. */
    static ObjectNode outputConfig(ResponseFormat format) {
        if (!isStrictSchema(format)) {
            return null;
        }
        ObjectNode config = JsonMapper.shared().createObjectNode();
        config.putObject("format").put("type", "json_schema").set("schema", format.schema());
        return config;
    }

    /** The instruction to add to the system prompt, or {@code null}. */
    static String systemInstruction(ResponseFormat format) {
        return switch (format.type()) {
            case TEXT -> null;
            case JSON_OBJECT -> "Answer with a single JSON object" + NOTHING_ELSE;
            case JSON_SCHEMA -> isStrictSchema(format) ? null
                    : "Answer with a single JSON object that conforms to this JSON Schema" + NOTHING_ELSE + "\n"
                            + JsonMapper.shared().writeValueAsString(format.schema());
        };
    }

    private static boolean isStrictSchema(ResponseFormat format) {
        return format.type() == ResponseFormat.Type.JSON_SCHEMA && format.strict() && format.schema() != null;
    }
}
