/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import dev.promptkit.types.ResponseFormat;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link ResponseFormat} in OpenAI's two request shapes. Both APIs take the same format object, {@code json_object}
 * or {@code json_schema} with its {@code name}, {@code schema} and {@code strict}: Chat Completions as
 * {@code response_format} with the schema fields nested in {@code json_schema}, the Responses API as
 * {@code text.format} with them beside the type. Plain text is the default of both and is not sent.
 */
final class StructuredOutput {

    private StructuredOutput() {
    }

    /** Adds Chat Completions' {@code response_format}. */
    static void chatCompletions(ObjectNode body, ResponseFormat format) {
        switch (format.type()) {
            case TEXT -> {
                // text is the default; nothing to send
            }
            case JSON_OBJECT -> body.putObject("response_format").put("type", "json_object");
            case JSON_SCHEMA -> schema(body.putObject("response_format").put("type", "json_schema")
                    .putObject("json_schema"), format);
        }
    }

    /** Adds the Responses API's {@code text.format}. */
    static void responses(ObjectNode body, ResponseFormat format) {
        switch (format.type()) {
            case TEXT -> {
                // text is the default; nothing to send
            }
            case JSON_OBJECT -> body.putObject("text").putObject("format").put("type", "json_object");
            case JSON_SCHEMA -> schema(body.putObject("text").putObject("format").put("type", "json_schema"),
                    format);
        }
    }

    private static void schema(ObjectNode target, ResponseFormat format) {
        target.put("name", format.schemaName() != null ? format.schemaName() : "response");
        target.set("schema", format.schema());
        target.put("strict", format.strict());
    }
}
