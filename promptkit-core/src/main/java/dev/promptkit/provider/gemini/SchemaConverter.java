/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts a JSON Schema into the OpenAPI 3.0 subset that Gemini's {@code Schema} accepts (function
 * {@code parameters}, {@code responseSchema}). Gemini answers 400 to any field outside that subset, so the
 * conversion, like Google's own SDKs:
 * <ul>
 * <li>keeps {@code type} (upper-cased, as Gemini's {@code Type} enum is spelled), {@code format},
 * {@code title}, {@code description}, {@code nullable}, {@code enum}, {@code properties}, {@code required},
 * {@code propertyOrdering}, {@code items}, {@code anyOf}, {@code minItems}, {@code maxItems},
 * {@code minProperties}, {@code maxProperties}, {@code minLength}, {@code maxLength}, {@code pattern},
 * {@code minimum}, {@code maximum}, {@code default} and {@code example};</li>
 * <li>turns a {@code null} type (alone, in a type list, or as an {@code anyOf} branch) into
 * {@code nullable: true}, a list of several types into {@code anyOf}, {@code oneOf} into {@code anyOf}, a
 * {@code const} into a one-value {@code enum}, and enum values into strings (Gemini's enum is a string
 * list); an {@code anyOf} left with one branch is merged into its parent, and so are {@code allOf} members;</li>
 * <li>inlines {@code $ref}s to the root's {@code $defs} (or any {@code #/...} pointer); a recursive reference
 * becomes an empty schema (any value), and so does an unresolvable one;</li>
 * <li>drops everything else: {@code $schema}, {@code $id}, {@code $defs}, {@code additionalProperties},
 * {@code exclusiveMinimum}, {@code multipleOf}, {@code uniqueItems}, {@code not}, {@code examples}, ...</li>
 * </ul>
 */
final class SchemaConverter {

    private static final List<String> COPIED = List.of("format", "title", "description", "nullable", "required",
            "propertyOrdering", "minItems", "maxItems", "minProperties", "maxProperties", "minLength", "maxLength",
            "pattern", "minimum", "maximum", "default", "example");
    private static final Set<String> UNION_KEYWORDS = Set.of("anyOf", "oneOf");
    private static final String NULL = "null";

    private final JsonNode root;
    private final Deque<String> expanding = new ArrayDeque<>();

    private SchemaConverter(JsonNode root) {
        this.root = root;
    }

    /** The Gemini form of {@code schema}. */
    static ObjectNode toGemini(JsonNode schema) {
        return new SchemaConverter(schema).convert(schema);
    }

    private ObjectNode convert(JsonNode schema) {
        ObjectNode out = JsonMapper.shared().createObjectNode();
        if (!schema.isObject()) {
            return out;
        }
        if (schema.path("$ref").isString()) {
            return inline(schema);
        }
        List<ObjectNode> branches = new ArrayList<>();
        type(schema.path("type"), out, branches);
        for (String keyword : UNION_KEYWORDS) {
            for (JsonNode branch : schema.path(keyword)) {
                if (NULL.equals(text(branch.path("type"))) && branch.size() == 1) {
                    out.put("nullable", true);
                }
                else {
                    branches.add(convert(branch));
                }
            }
        }
        for (String keyword : COPIED) {
            if (schema.has(keyword)) {
                out.set(keyword, schema.get(keyword).deepCopy());
            }
        }
        enumeration(schema, out);
        if (schema.path("properties").isObject()) {
            ObjectNode properties = out.putObject("properties");
            for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
                properties.set(property.getKey(), convert(property.getValue()));
            }
        }
        if (schema.path("items").isObject()) {
            out.set("items", convert(schema.get("items")));
        }
        if (branches.size() == 1) {
            mergeInto(out, branches.get(0));
        }
        else if (!branches.isEmpty()) {
            out.putArray("anyOf").addAll(branches);
        }
        for (JsonNode member : schema.path("allOf")) {
            mergeInto(out, convert(member));
        }
        return out;
    }

    /** Replaces a {@code $ref} by what it points to, its sibling keywords laid over the target's. */
    private ObjectNode inline(JsonNode reference) {
        String ref = reference.get("$ref").stringValue();
        JsonNode target = ref.startsWith("#") ? root.at(ref.substring(1)) : null;
        if (target == null || !target.isObject() || expanding.contains(ref)) {
            return JsonMapper.shared().createObjectNode();
        }
        ObjectNode merged = ((ObjectNode) target).deepCopy();
        for (Map.Entry<String, JsonNode> sibling : reference.properties()) {
            if (!sibling.getKey().equals("$ref")) {
                merged.set(sibling.getKey(), sibling.getValue());
            }
        }
        expanding.push(ref);
        try {
            return convert(merged);
        }
        finally {
            expanding.pop();
        }
    }

    private static void type(JsonNode type, ObjectNode out, List<ObjectNode> branches) {
        List<String> types = new ArrayList<>();
        if (type.isString()) {
            types.add(type.stringValue());
        }
        else if (type.isArray()) {
            type.valueStream().filter(JsonNode::isString).forEach(each -> types.add(each.stringValue()));
        }
        if (types.remove(NULL)) {
            out.put("nullable", true);
        }
        if (types.size() == 1) {
            out.put("type", geminiType(types.get(0)));
        }
        else {
            for (String each : types) {
                branches.add(JsonMapper.shared().createObjectNode().put("type", geminiType(each)));
            }
        }
    }

    private static void enumeration(JsonNode schema, ObjectNode out) {
        List<JsonNode> values = new ArrayList<>();
        if (schema.has("const")) {
            values.add(schema.get("const"));
        }
        schema.path("enum").forEach(values::add);
        if (values.isEmpty()) {
            return;
        }
        ArrayNode strings = out.putArray("enum");
        for (JsonNode value : values) {
            if (value.isNull()) {
                out.put("nullable", true);
            }
            else {
                strings.add(value.isString() ? value.stringValue() : value.toString());
            }
        }
    }

    /** Merges {@code from} into {@code into}: properties and required names are united, other keywords kept. */
    private static void mergeInto(ObjectNode into, ObjectNode from) {
        for (Map.Entry<String, JsonNode> entry : from.properties()) {
            JsonNode existing = into.get(entry.getKey());
            if (existing == null) {
                into.set(entry.getKey(), entry.getValue());
            }
            else if (entry.getKey().equals("properties")) {
                ((ObjectNode) existing).setAll((ObjectNode) entry.getValue());
            }
            else if (entry.getKey().equals("required") && existing.isArray()) {
                ArrayNode names = (ArrayNode) existing;
                entry.getValue().valueStream().filter(name -> names.valueStream().noneMatch(name::equals))
                        .forEach(names::add);
            }
        }
    }

    private static String geminiType(String type) {
        return type.toUpperCase(Locale.ROOT);
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.stringValue() : null;
    }
}
