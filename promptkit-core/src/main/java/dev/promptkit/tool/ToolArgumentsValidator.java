/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.promptkit.types.ToolDescriptor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Checks a call's arguments against its tool's JSON Schema. Compiled schemas are shared by every registry in the
 * process, keyed by the schema itself: a web app opens a conversation (and a registry) per request, and compiling
 * the same schema for each cost more than the turn's own work.
 */
final class ToolArgumentsValidator {

    /** How many distinct schemas are kept compiled; past it the cache starts afresh (packs have far fewer). */
    static final int MAX_COMPILED = 1024;

    private static volatile Compiled compiled = new Compiled();

    private ToolArgumentsValidator() {
    }

    static List<String> violations(ToolDescriptor tool, JsonNode arguments) {
        if (tool.inputSchema() == null || tool.inputSchema().isNull()) {
            return List.of();
        }
        if (arguments == null || !arguments.isObject()) {
            return List.of("/: the arguments must be a JSON object, got: " + arguments);
        }
        Schema schema = compiled(tool.inputSchema());
        return schema.validate(arguments).stream().map(ToolArgumentsValidator::describe).sorted().toList();
    }

    /** How many distinct schemas are compiled right now. */
    static int compiledCount() {
        return compiled.schemas.size();
    }

    /** The compiled form of {@code schema}: the same instance for every schema equal to it. */
    static Schema compiled(JsonNode schema) {
        Compiled current = compiled;
        Schema known = current.schemas.get(schema);
        if (known != null) {
            return known;
        }
        if (current.schemas.size() >= MAX_COMPILED) {
            // start afresh, registry included: it keeps what it compiled too
            current = new Compiled();
            compiled = current;
        }
        // compiled from a copy, so that a caller changing its node later changes neither the key nor the schema
        return current.schemas.computeIfAbsent(schema.deepCopy(), current.registry::getSchema);
    }

    /** A schema registry and what it compiled, by schema. */
    private static final class Compiled {

        final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder
                        .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build())
                        .schemaLoader(loader -> loader.fetchRemoteResources(false)));
        final Map<JsonNode, Schema> schemas = new ConcurrentHashMap<>();
    }

    private static String describe(Error error) {
        String pointer = error.getInstanceLocation().toString();
        return (pointer.isEmpty() ? "/" : pointer) + ": " + error.getMessage();
    }
}
