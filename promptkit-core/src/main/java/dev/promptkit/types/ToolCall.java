/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A call the model asked for: its id (as the provider assigned it), the tool's name and its arguments
 * as a JSON object. Arguments the model produced as invalid JSON are kept as a JSON string so that
 * nothing is lost and the tool layer can report the problem back to the model.
 *
 * <p>{@code providerData} holds opaque values that the provider which made the call needs back when the
 * conversation is replayed to it; nothing else reads them. They are keyed by the provider's own field names
 * (Gemini keeps the call's {@code thoughtSignature} here), stored with the message as {@code provider_data},
 * and left out when empty.
 *
 * @param id the call's id
 * @param name the tool's name
 * @param args the arguments
 * @param providerData opaque values for the provider that made the call; never {@code null}
 *
 * @since 0.1.0
 */
public record ToolCall(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("args") JsonNode args,
        @JsonProperty("provider_data") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> providerData) {

    private static final JsonMapper JSON = JsonMapper.shared();

    public ToolCall {
        providerData = providerData == null ? Map.of() : Map.copyOf(providerData);
    }

    /** A call without provider data. */
    public ToolCall(String id, String name, JsonNode args) {
        this(id, name, args, Map.of());
    }

    /** Builds a call from the raw JSON text a provider streamed; invalid JSON is kept as a string node. */
    public static ToolCall fromRawArguments(String id, String name, String rawJson) {
        if (rawJson == null || rawJson.isBlank()) {
            return new ToolCall(id, name, JSON.createObjectNode());
        }
        try {
            return new ToolCall(id, name, JSON.readTree(rawJson));
        }
        catch (RuntimeException notJson) {
            return new ToolCall(id, name, JSON.getNodeFactory().stringNode(rawJson));
        }
    }

    public static ToolCall of(String id, String name, Map<String, ?> arguments) {
        ObjectNode node = JSON.valueToTree(arguments);
        return new ToolCall(id, name, node);
    }

    /** The arguments as a map; empty when the model sent no object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> arguments() {
        if (args == null || !args.isObject()) {
            return Map.of();
        }
        return JSON.convertValue(args, Map.class);
    }

    /**
     * The arguments as a JSON object, as APIs that take them as an object need them: an empty object when
     * the model sent none (its arguments were not valid JSON, or not an object).
     */
    public ObjectNode argumentsObject() {
        return args != null && args.isObject() ? (ObjectNode) args : JSON.createObjectNode();
    }

    /** The arguments as compact JSON text, as providers send them back on the wire. */
    public String argumentsJson() {
        if (args == null) {
            return "{}";
        }
        return args.isString() ? args.asString() : JSON.writeValueAsString(args);
    }
}
