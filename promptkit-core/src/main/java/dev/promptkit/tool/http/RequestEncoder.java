/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.http;

import dev.promptkit.tool.ToolException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a call's arguments into the request the configuration describes: arguments named by path
 * variables fill the URL path; the others become the JSON body, or query parameters for {@code GET}
 * and {@code DELETE}. Arguments the model got wrong fail with a {@link ToolException} it can act on.
 */
final class RequestEncoder {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpToolConfig config;

    RequestEncoder(HttpToolConfig config) {
        this.config = config;
    }

    /** What to send: the URI and, unless the arguments went into the query, the body. */
    record EncodedRequest(URI uri, byte[] body) {
    }

    EncodedRequest encode(String tool, JsonNode arguments) {
        ObjectNode rest = argumentObject(tool, arguments);
        Map<String, String> pathValues = new HashMap<>();
        for (String name : config.urlTemplate().variables()) {
            JsonNode value = rest.remove(name);
            if (value == null || value.isNull()) {
                throw new ToolException(tool, "argument '" + name + "' is required: it is part of the URL path");
            }
            if (!value.isValueNode()) {
                throw new ToolException(tool, "argument '" + name + "' must be a string or a number: "
                        + "it is part of the URL path");
            }
            pathValues.put(name, value.asString());
        }
        try {
            if (config.sendsBody()) {
                return new EncodedRequest(config.urlTemplate().expand(pathValues, List.of()),
                        JSON.writeValueAsBytes(rest));
            }
            return new EncodedRequest(config.urlTemplate().expand(pathValues, queryParameters(rest)), null);
        }
        catch (IllegalArgumentException badPathValue) {
            throw new ToolException(tool, badPathValue.getMessage());
        }
    }

    private static ObjectNode argumentObject(String tool, JsonNode arguments) {
        if (arguments == null || arguments.isMissingNode() || arguments.isNull()) {
            return JSON.createObjectNode();
        }
        if (!arguments.isObject()) {
            throw new ToolException(tool, "the arguments are not a JSON object");
        }
        return (ObjectNode) arguments.deepCopy();
    }

    /** One parameter per argument, one per element for an array; nulls are left out, objects sent as JSON. */
    private static List<Map.Entry<String, String>> queryParameters(ObjectNode arguments) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        arguments.properties().forEach(argument -> {
            JsonNode value = argument.getValue();
            Iterable<JsonNode> values = value.isArray() ? value.values() : List.of(value);
            for (JsonNode single : values) {
                if (!single.isNull()) {
                    parameters.add(Map.entry(argument.getKey(), text(single)));
                }
            }
        });
        return parameters;
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asString() : JSON.writeValueAsString(value);
    }
}
