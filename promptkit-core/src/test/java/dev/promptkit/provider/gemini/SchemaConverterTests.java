/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchemaConverterTests {

    @Test
    void dropsKeywordsOutsideGeminisSubsetAndUpperCasesTypes() {
        assertConverts("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "urn:order", "title": "Order",
                 "type": "object", "additionalProperties": false, "minProperties": 1,
                 "properties": {
                   "quantity": {"type": "integer", "minimum": 1, "exclusiveMaximum": 100, "multipleOf": 1},
                   "tags": {"type": "array", "items": {"type": "string", "maxLength": 20}, "uniqueItems": true,
                            "maxItems": 5},
                   "when": {"type": "string", "format": "date-time", "examples": ["2026-11-22T10:00:00Z"]}},
                 "required": ["quantity"]}""", """
                {"title": "Order", "type": "OBJECT", "minProperties": 1,
                 "properties": {
                   "quantity": {"type": "INTEGER", "minimum": 1},
                   "tags": {"type": "ARRAY", "items": {"type": "STRING", "maxLength": 20}, "maxItems": 5},
                   "when": {"type": "STRING", "format": "date-time"}},
                 "required": ["quantity"]}""");
    }

    @Test
    void turnsNullTypesIntoNullableAndTypeListsIntoAnyOf() {
        assertConverts("""
                {"type": "object", "properties": {
                   "a": {"type": ["string", "null"]},
                   "b": {"anyOf": [{"type": "integer"}, {"type": "null"}], "description": "b or nothing"},
                   "c": {"type": ["string", "number"]},
                   "d": {"oneOf": [{"type": "string"}, {"type": "boolean"}]}}}""", """
                {"type": "OBJECT", "properties": {
                   "a": {"type": "STRING", "nullable": true},
                   "b": {"type": "INTEGER", "nullable": true, "description": "b or nothing"},
                   "c": {"anyOf": [{"type": "STRING"}, {"type": "NUMBER"}]},
                   "d": {"anyOf": [{"type": "STRING"}, {"type": "BOOLEAN"}]}}}""");
    }

    @Test
    void writesConstAndNonStringEnumsAsStringEnums() {
        assertConverts("""
                {"type": "object", "properties": {
                   "kind": {"type": "string", "const": "refund"},
                   "floor": {"type": "integer", "enum": [1, 2, 3]},
                   "size": {"enum": ["S", "M", null]}}}""", """
                {"type": "OBJECT", "properties": {
                   "kind": {"type": "STRING", "enum": ["refund"]},
                   "floor": {"type": "INTEGER", "enum": ["1", "2", "3"]},
                   "size": {"enum": ["S", "M"], "nullable": true}}}""");
    }

    @Test
    void inlinesReferencesAndCutsRecursionToAnEmptySchema() {
        assertConverts("""
                {"type": "object", "$defs": {
                   "Address": {"type": "object", "properties": {"city": {"type": "string"}}},
                   "Node": {"type": "object", "properties": {"child": {"$ref": "#/$defs/Node"}}}},
                 "properties": {
                   "home": {"$ref": "#/$defs/Address", "description": "Where they live"},
                   "tree": {"$ref": "#/$defs/Node"},
                   "elsewhere": {"$ref": "https://example.com/schemas/address.json"}}}""", """
                {"type": "OBJECT", "properties": {
                   "home": {"type": "OBJECT", "properties": {"city": {"type": "STRING"}},
                            "description": "Where they live"},
                   "tree": {"type": "OBJECT", "properties": {"child": {}}},
                   "elsewhere": {}}}""");
    }

    @Test
    void mergesAllOfMembersIntoTheirParent() {
        assertConverts("""
                {"allOf": [
                   {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]},
                   {"properties": {"name": {"type": "string"}}, "required": ["name", "id"]}],
                 "description": "A named thing"}""", """
                {"description": "A named thing", "type": "OBJECT",
                 "properties": {"id": {"type": "STRING"}, "name": {"type": "STRING"}},
                 "required": ["id", "name"]}""");
    }

    @Test
    void leavesTheInputSchemaUntouched() {
        JsonNode schema = json("""
                {"allOf": [{"required": ["b"]}], "required": ["a"], "properties": {"a": {"type": "string"}}}""");
        JsonNode before = schema.deepCopy();

        assertThat(SchemaConverter.toGemini(schema).path("required")).isEqualTo(json("[\"a\", \"b\"]"));
        assertThat(schema).isEqualTo(before);
    }

    private static void assertConverts(String jsonSchema, String geminiSchema) {
        assertThat(SchemaConverter.toGemini(json(jsonSchema))).isEqualTo(json(geminiSchema));
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
