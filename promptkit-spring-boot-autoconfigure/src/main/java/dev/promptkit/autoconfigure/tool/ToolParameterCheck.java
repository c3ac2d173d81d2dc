/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.tool;

import dev.promptkit.autoconfigure.pack.PromptPacks;
import dev.promptkit.pack.ToolDef;
import dev.promptkit.spring.ToolParam;
import dev.promptkit.tool.ToolContext;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Checks that every parameter of a {@code @PromptTool} method is filled by an argument of the tool's JSON Schema
 * (by its name, or its {@link ToolParam}): a method compiled without {@code -parameters}, or a misspelt name, would
 * otherwise get {@code null} on every call. Tools whose schema lists no properties are not checked.
 */
final class ToolParameterCheck {

    private final PromptPacks packs;

    ToolParameterCheck(PromptPacks packs) {
        this.packs = packs;
    }

    void check(String origin, Method method, String toolName) {
        Set<String> arguments = schemaProperties(toolName);
        if (arguments.isEmpty()) {
            return;
        }
        for (Parameter parameter : method.getParameters()) {
            ToolParam named = parameter.getAnnotation(ToolParam.class);
            String name = named != null ? named.value() : parameter.getName();
            if (parameter.getType() == ToolContext.class || arguments.contains(name)) {
                continue;
            }
            if (named == null && !parameter.isNamePresent()) {
                throw new ToolBindingException("@PromptTool method " + origin + " was compiled without parameter "
                        + "names, so its parameters cannot take the arguments of tool '" + toolName + "' " + arguments
                        + ".", "Compile with -parameters (Spring Boot's parent POM and Gradle plugin do), or name each "
                        + "parameter with @ToolParam(\"<argument>\").", null);
            }
            throw new ToolBindingException("Parameter '" + name + "' of @PromptTool method " + origin
                    + " is not an argument of tool '" + toolName + "'; its arguments are " + arguments + ".",
                    "Rename the parameter to one of " + arguments + ", or map it with @ToolParam(\"<argument>\").",
                    null);
        }
    }

    /** The property names of the tool's parameter schema, over every pack that declares it. */
    private Set<String> schemaProperties(String toolName) {
        Set<String> names = new TreeSet<>();
        packs.byName().values().forEach(pack -> {
            ToolDef tool = pack.tools().get(toolName);
            JsonNode properties = tool == null || tool.parameters() == null ? null : tool.parameters().get("properties");
            if (properties != null && properties.isObject()) {
                names.addAll(properties.propertyNames());
            }
        });
        return names;
    }
}
