/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

import tools.jackson.databind.JsonNode;

/**
 * The shape the model's answer must take: free text, any JSON object, or JSON matching a schema.
 *
 * @since 0.1.0
 */
public record ResponseFormat(Type type, String schemaName, JsonNode schema, boolean strict) {

    /** The kinds of response format. */
    public enum Type { TEXT, JSON_OBJECT, JSON_SCHEMA }

    public static final ResponseFormat TEXT = new ResponseFormat(Type.TEXT, null, null, false);
    public static final ResponseFormat JSON_OBJECT = new ResponseFormat(Type.JSON_OBJECT, null, null, false);

    public static ResponseFormat jsonSchema(String name, JsonNode schema, boolean strict) {
        return new ResponseFormat(Type.JSON_SCHEMA, name, schema, strict);
    }
}
