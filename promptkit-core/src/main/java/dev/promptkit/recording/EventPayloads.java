/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.recording;

import dev.promptkit.event.Event;
import dev.promptkit.secret.SecretRedactor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Map.Entry;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an {@link Event} into a {@link RecordedEvent}: every component of the event record but its timestamp and
 * conversation id goes into {@code data} under its snake_case name, a duration as {@code <name>_ms}, an error as its
 * class and message; then every string in the payload (message text, tool arguments and results, error messages) is
 * passed through the {@link SecretRedactor}, so no credential an upstream echoed reaches the store.
 */
final class EventPayloads {

    private static final JsonMapper JSON = JsonMapper.shared();

    /** Reads written JSON back as a tree, amounts as exact decimals (a tree built directly cannot take them). */
    private static final ObjectReader TREES = JSON.readerFor(JsonNode.class)
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final SecretRedactor redactor;

    EventPayloads(SecretRedactor redactor) {
        this.redactor = redactor;
    }

    RecordedEvent toRecorded(Event event) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            String name = component.getName();
            if (name.equals("timestamp") || name.equals("conversationId")) {
                continue;
            }
            Object value = value(event, component);
            if (value instanceof Duration duration) {
                data.put(snakeCase(name) + "_ms", duration.toMillis());
            }
            else if (value instanceof Throwable error) {
                Throwable redacted = redactor.redact(error);
                data.put(snakeCase(name), error.getClass().getSimpleName() + ": " + redacted.getMessage());
            }
            else if (value != null) {
                data.put(snakeCase(name), value);
            }
        }
        return new RecordedEvent(event.type(), event.timestamp(), event.conversationId(),
                redact(TREES.readValue(JSON.writeValueAsString(data))));
    }

    private JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Entry<String, JsonNode> field : object.properties()) {
                object.set(field.getKey(), redact(field.getValue()));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redact(array.get(i)));
            }
            return array;
        }
        return node.isString() ? JSON.getNodeFactory().stringNode(redactor.redact(node.asString())) : node;
    }

    private static Object value(Event event, RecordComponent component) {
        try {
            return component.getAccessor().invoke(event);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + event.type(), ex);
        }
    }

    private static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            }
            else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
