/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state.redis;

import java.util.List;
import java.util.Objects;

/**
 * The names of every Redis key PromptKit's stores write, in one place: {@code <prefix>:<kind>:{<conversation
 * id>}[:<part>]}. The conversation id in braces is a Redis Cluster hash tag: Redis Cluster hashes only what is
 * between the first {@code {} and the next {@code }}, so every key of one conversation, whatever its kind, lands
 * in one slot, and one Lua script may touch all of them (on a single Redis and behind Sentinel the braces are
 * just characters).
 *
 * <ul>
 * <li>{@link #conversation}: {@code <prefix>:conversation:{<id>}:meta}, {@code …:messages}, {@code …:metadata}
 * (the state store).</li>
 * <li>{@link #pendingCall}: {@code <prefix>:pending:{<conversation id>}:<call id>}, and {@link #pendingIndex}:
 * {@code <prefix>:pending-index:{<conversation id>}} (the pending store).</li>
 * </ul>
 *
 * <p>A store of another kind of per-conversation data (recordings, say) adds a method here that names its keys
 * with {@link #key}: its kind as a new segment, the conversation's tag, then its own parts; and a script of it takes
 * the keys of one conversation only. What spans conversations (a fork) reads one conversation in one script and
 * writes the other in another.
 *
 * <p>The tag rules out two things, which are refused with an {@link IllegalArgumentException}: braces in the
 * prefix (the tag would start in the prefix, the same for every conversation, and every key would share one
 * slot), and a conversation id that is empty or starts with {@code }} (the tag would be empty, Redis Cluster
 * would hash the whole key, and a conversation's keys would spread over slots).
 *
 * <p><strong>Internal:</strong> what the Redis stores share; not part of the supported API (see the package
 * documentation).
 *
 * @since 0.1.0
 */
public final class RedisKeyLayout {

    private final String prefix;

    /**
     * @param prefix the first segment of every key, so several applications can share one Redis; not blank, no
     *     braces
     */
    public RedisKeyLayout(String prefix) {
        Objects.requireNonNull(prefix, "keyPrefix");
        if (prefix.isBlank()) {
            throw new IllegalArgumentException("keyPrefix must not be blank");
        }
        if (prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
            throw new IllegalArgumentException("keyPrefix '" + prefix + "' must not contain '{' or '}': each key"
                    + " carries its conversation id in braces as its Redis Cluster hash tag, and braces in the prefix"
                    + " would take its place");
        }
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** A conversation's keys in the order the state store's scripts take them: meta, messages, metadata. */
    public List<String> conversation(String conversationId) {
        return List.of(key("conversation", conversationId, "meta"), key("conversation", conversationId, "messages"),
                key("conversation", conversationId, "metadata"));
    }

    /** The hash of one held call. */
    public String pendingCall(String conversationId, String callId) {
        return key("pending", conversationId, Objects.requireNonNull(callId, "callId"));
    }

    /** The sorted set of a conversation's held calls, by creation time. */
    public String pendingIndex(String conversationId) {
        return key("pending-index", conversationId);
    }

    /** {@code <prefix>:<kind>:{<conversation id>}}, then {@code :<part>} for each part. */
    public String key(String kind, String conversationId, String... parts) {
        StringBuilder key = new StringBuilder(prefix).append(':').append(kind).append(':')
                .append(hashTag(conversationId));
        for (String part : parts) {
            key.append(':').append(part);
        }
        return key.toString();
    }

    /**
     * {@code {<conversation id>}}.
     *
     * @throws IllegalArgumentException when the id is empty or starts with {@code }}, which makes no hash tag
     */
    public static String hashTag(String conversationId) {
        Objects.requireNonNull(conversationId, "conversationId");
        if (conversationId.isEmpty() || conversationId.charAt(0) == '}') {
            throw new IllegalArgumentException("Conversation id '" + conversationId + "' cannot be stored in Redis:"
                    + " an id must not be empty or start with '}', since its keys carry it in braces as their Redis"
                    + " Cluster hash tag");
        }
        return "{" + conversationId + "}";
    }
}
