/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The bundled PromptPack v1.4.0 JSON Schema (draft 2020-12), compiled once on first use and shared: a compiled
 * {@link Schema} is thread-safe. Remote references are never fetched; {@code format} is an annotation, as the draft
 * specifies by default. The port's reasoning parameters ({@link ReasoningParameters}) are added to the schema's
 * {@code Parameters} as it is read; the bundled file stays the spec's own.
 */
final class PackSchema {

    static final String RESOURCE = "promptpack.schema.json";

    private static final Schema SCHEMA = compile();

    private PackSchema() {
    }

    /** Every way {@code document} breaks the schema, deduplicated and sorted by pointer; empty when it conforms. */
    static List<Violation> violations(JsonNode document) {
        return SCHEMA.validate(document).stream().map(PackSchema::toViolation).distinct().sorted().toList();
    }

    /** Points an unknown property at the property itself rather than at the object holding it. */
    private static Violation toViolation(Error error) {
        String pointer = error.getInstanceLocation().toString();
        if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
            pointer = pointer + "/" + error.getProperty().replace("~", "~0").replace("/", "~1");
        }
        return new Violation(pointer, error.getMessage());
    }

    private static Schema compile() {
        // The spec's schema carries a top-level "version" annotation that draft 2020-12 does not define.
        Dialect dialect = Dialect.builder(Dialects.getDraft202012()).keyword(new AnnotationKeyword("version")).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build())
                .schemaLoader(loader -> loader.fetchRemoteResources(false)));
        Schema schema = registry.getSchema(read());
        schema.initializeValidators();
        return schema;
    }

    private static JsonNode read() {
        try (InputStream in = PackSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The PromptPack schema is missing from the classpath: " + RESOURCE);
            }
            return ReasoningParameters.addTo(PackJson.MAPPER.readTree(in));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
