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

/** Checks a call's arguments against its tool's JSON Schema; schemas are compiled once per tool. */
final class ToolArgumentsValidator {

    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build())
                    .schemaLoader(loader -> loader.fetchRemoteResources(false)));
    private final Map<ToolDescriptor, Schema> compiled = new ConcurrentHashMap<>();

    List<String> violations(ToolDescriptor tool, JsonNode arguments) {
        if (tool.inputSchema() == null || tool.inputSchema().isNull()) {
            return List.of();
        }
        if (arguments == null || !arguments.isObject()) {
            return List.of("/: the arguments must be a JSON object, got: " + arguments);
        }
        Schema schema = compiled.computeIfAbsent(tool, descriptor -> schemas.getSchema(descriptor.inputSchema()));
        return schema.validate(arguments).stream().map(ToolArgumentsValidator::describe).sorted().toList();
    }

    private static String describe(Error error) {
        String pointer = error.getInstanceLocation().toString();
        return (pointer.isEmpty() ? "/" : pointer) + ": " + error.getMessage();
    }
}
