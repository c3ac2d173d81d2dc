/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state.redis;

import dev.promptkit.state.ConversationState;
import dev.promptkit.types.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON a {@link RedisStateStore} keeps: one {@link Message} per list element, in the shape its
 * Jackson annotations give it; metadata as hash fields {@code user.<key>} holding JSON values, as the Go
 * original writes them; and the meta key's {@code updated_at} and {@code version} (0 when a writer left it out). Reading ignores fields it does not know,
 * so a conversation written by a newer version still loads, and reads a number left out as zero, since
 * {@link dev.promptkit.types.CostInfo} leaves out its zero fields.
 */
final class ConversationJson {

    private static final String METADATA_FIELD_PREFIX = "user.";

    private final JsonMapper json;
    private final ObjectReader messageReader;

    ConversationJson(JsonMapper json) {
        this.json = json;
        this.messageReader = json.readerFor(Message.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /**
     * The arguments of {@code append.lua} and {@code save.lua}: id, time, time to live in milliseconds, the
     * expected version of the history, message count, the messages, then the metadata as field/value pairs.
     */
    List<String> turnArguments(String id, Instant now, long ttlMillis, long expectedVersion, List<Message> messages,
            Map<String, String> metadata) {
        List<String> arguments = new ArrayList<>(5 + messages.size() + 2 * metadata.size());
        arguments.add(id);
        arguments.add(now.toString());
        arguments.add(Long.toString(ttlMillis));
        arguments.add(Long.toString(expectedVersion));
        arguments.add(Integer.toString(messages.size()));
        for (Message message : messages) {
            arguments.add(json.writeValueAsString(message));
        }
        metadata.forEach((key, value) -> {
            arguments.add(METADATA_FIELD_PREFIX + key);
            arguments.add(json.writeValueAsString(value));
        });
        return arguments;
    }

    /**
     * The arguments of {@code save.lua} that make {@code targetId} a copy of the conversation {@code load.lua}
     * returned: its messages and metadata exactly as stored, never decoded.
     */
    List<String> copyArguments(String targetId, Instant now, long ttlMillis, List<Object> reply) {
        List<?> fields = (List<?>) reply.get(1);
        List<?> messages = (List<?>) reply.get(2);
        List<String> arguments = new ArrayList<>(5 + messages.size() + fields.size());
        arguments.add(targetId);
        arguments.add(now.toString());
        arguments.add(Long.toString(ttlMillis));
        arguments.add(Long.toString(-1));
        arguments.add(Integer.toString(messages.size()));
        messages.forEach(message -> arguments.add((String) message));
        fields.forEach(field -> arguments.add((String) field));
        return arguments;
    }

    /** The conversation {@code load.lua} returned: its meta, its metadata field/value pairs and its messages. */
    ConversationState state(String id, List<Object> reply) {
        List<?> fields = (List<?>) reply.get(1);
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            metadata.put(metadataKey((String) fields.get(i)), metadataValue((String) fields.get(i + 1)));
        }
        List<Message> messages = new ArrayList<>();
        for (Object message : (List<?>) reply.get(2)) {
            messages.add(messageReader.readValue((String) message));
        }
        JsonNode meta = json.readTree((String) reply.get(0));
        return new ConversationState(id, messages, metadata, updatedAt(meta), meta.path("version").asLong(0));
    }

    private static String metadataKey(String field) {
        return field.startsWith(METADATA_FIELD_PREFIX) ? field.substring(METADATA_FIELD_PREFIX.length()) : field;
    }

    /** A JSON string is its text; any other JSON value (a Go writer may store numbers or objects) its JSON. */
    private String metadataValue(String stored) {
        JsonNode value = json.readTree(stored);
        return value.isString() ? value.asString() : value.toString();
    }

    private static Instant updatedAt(JsonNode meta) {
        JsonNode updatedAt = meta.path("updated_at");
        return updatedAt.isString() ? Instant.parse(updatedAt.asString()) : null;
    }
}
