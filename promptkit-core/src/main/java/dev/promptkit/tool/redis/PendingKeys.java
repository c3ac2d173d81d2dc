/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.redis;

/**
 * Names the Redis keys of held calls under a prefix: {@code {prefix}:pending:{conversationId}:{callId}} for
 * a call (the Go original's name) and {@code {prefix}:pending-index:{conversationId}} for a conversation's
 * index, a segment no call key can have.
 */
record PendingKeys(String prefix) {

    String call(String conversationId, String callId) {
        return prefix + ":pending:" + conversationId + ":" + callId;
    }

    String index(String conversationId) {
        return prefix + ":pending-index:" + conversationId;
    }
}
