/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.state;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where conversations and held tool calls are kept, under {@code promptkit.state-store.*}.
 *
 * @param type {@code redis} (the default when a Redis connection is configured; without one, start-up fails) or
 *     {@code memory} (the default without a Redis connection)
 * @param ttl how long a conversation lives after its last use
 * @param keyPrefix the Redis key prefix
 * @param maxConversations how many conversations the in-memory store keeps at most
 * @param pendingTtl how long a tool call held for approval (and, once decided, its result) is kept
 * @param timeout how long one Redis operation of the stores may take before it fails as unavailable; also Lettuce's
 *     command timeout when {@code spring.data.redis.timeout} is not set
 * @param waitForReplicas how many Redis replicas must confirm each write of the Redis stores (Redis {@code WAIT})
 *     before it counts as done, so that a stored turn or a decision survives the failure of its master; a write they
 *     do not confirm fails as unavailable. 0 (the default) waits for none, as on a single Redis
 * @param migrateLegacyKeys whether to move conversations and held calls stored under the key names of PromptKit for
 *     Spring 0.1 (without hash tags) to the current ones at start-up, before the stores are used
 *
 * @since 0.1.0
 */
@ConfigurationProperties("promptkit.state-store")
public record PromptKitStateStoreProperties(StateStoreType type, @DefaultValue("24h") Duration ttl,
        @DefaultValue("promptkit") String keyPrefix, @DefaultValue("10000") int maxConversations,
        @DefaultValue("1h") Duration pendingTtl, @DefaultValue("3s") Duration timeout,
        @DefaultValue("0") int waitForReplicas, @DefaultValue("false") boolean migrateLegacyKeys) {

    public PromptKitStateStoreProperties {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("promptkit.state-store.timeout must be a positive duration (such as"
                    + " 3s or 500ms), was " + timeout);
        }
        if (waitForReplicas < 0) {
            throw new IllegalArgumentException("promptkit.state-store.wait-for-replicas must be 0 (no wait) or a"
                    + " number of replicas, was " + waitForReplicas);
        }
    }
}
