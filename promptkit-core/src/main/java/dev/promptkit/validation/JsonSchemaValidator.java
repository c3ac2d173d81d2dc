/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code json_schema}: fails unless the text is JSON that conforms to {@code schema} (a JSON Schema object,
 * draft 2020-12 unless it says otherwise; remote references are never fetched). The schema is compiled when
 * the conversation opens. A failure lists every violation under {@code violations}, each with the JSON pointer
 * of the offending value. {@code allow_wrapped} and {@code extract_json} work as for {@code json_valid}.
 */
final class JsonSchemaValidator implements Validator {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build())
                    .schemaLoader(loader -> loader.fetchRemoteResources(false)));

    private final Schema schema;
    private final JsonExtraction extraction;

    private JsonSchemaValidator(Schema schema, JsonExtraction extraction) {
        this.schema = schema;
        this.extraction = extraction;
    }

    static JsonSchemaValidator create(ValidatorParams params) {
        Map<String, Object> definition = params.requiredObject("schema");
        JsonExtraction extraction = JsonExtraction.from(params);
        try {
            Schema schema = SCHEMAS.getSchema(JsonExtraction.MAPPER.valueToTree(definition));
            schema.initializeValidators();
            return new JsonSchemaValidator(schema, extraction);
        }
        catch (RuntimeException ex) {
            throw new IllegalArgumentException("'schema' is not a usable JSON Schema: " + ex.getMessage(), ex);
        }
    }

    @Override
    public Verdict validate(String text) {
        JsonExtraction.Parsed parsed = extraction.parse(text);
        if (parsed.error() != null) {
            return parsed.invalid();
        }
        List<Map<String, Object>> violations = schema.validate(parsed.json()).stream()
                .map(JsonSchemaValidator::violation)
                .sorted(Comparator.comparing(violation -> (String) violation.get("pointer")))
                .toList();
        if (violations.isEmpty()) {
            return Verdict.PASS;
        }
        Map<String, Object> first = violations.get(0);
        String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
        return Verdict.fail("The JSON does not match the schema: " + pointerForDisplay(first) + ": "
                + first.get("message") + more, Map.of("violations", violations));
    }

    private static Map<String, Object> violation(Error error) {
        return Map.of("pointer", error.getInstanceLocation().toString(), "message", error.getMessage());
    }

    private static String pointerForDisplay(Map<String, Object> violation) {
        String pointer = (String) violation.get("pointer");
        return pointer.isEmpty() ? "/" : pointer;
    }
}
