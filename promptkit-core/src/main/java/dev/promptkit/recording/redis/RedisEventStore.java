/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.recording.redis;

import dev.promptkit.recording.EventStore;
import dev.promptkit.recording.EventStoreException;
import dev.promptkit.recording.RecordedEvent;
import dev.promptkit.state.redis.LuaScripts;
import dev.promptkit.state.redis.RedisKeyLayout;
import dev.promptkit.state.redis.RedisStoreClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps each conversation's recorded events in one Redis stream, {@code <prefix>:recording:{<conversation id>}}
 * (the id in braces is its Redis Cluster hash tag, as every PromptKit key has, see {@link RedisKeyLayout}), one
 * entry per event with the field {@code event} holding its JSON. Each append is one Lua script: {@code XADD} per
 * event (capped at {@code maxEvents} with {@code MAXLEN ~} when set), then the stream's time to live is set again, so
 * a recording lives {@code ttl} after its conversation's last event.
 *
 * @since 0.1.0
 */
public final class RedisEventStore implements EventStore {

    private static final RedisScript<Long> APPEND = LuaScripts.load(RedisEventStore.class, Long.class, "append.lua");

    private final RedisStoreClient redis;
    private final RedisKeyLayout keys;
    private final Duration ttl;
    private final long maxEvents;

    /**
     * @param keyPrefix the first segment of the keys; not blank, no braces
     * @param ttl how long a recording is kept after its last event; {@link Duration#ZERO} to keep it for ever
     * @param maxEvents the most events kept per conversation (approximately, the oldest go first); 0 for no cap
     * @param timeout the longest one Redis operation may take
     */
    public RedisEventStore(ReactiveRedisConnectionFactory connections, String keyPrefix, Duration ttl, long maxEvents,
            Duration timeout) {
        if (ttl == null || ttl.isNegative() || (!ttl.isZero() && ttl.toMillis() == 0)) {
            throw new IllegalArgumentException("ttl must be zero (no expiry) or at least one millisecond, was " + ttl);
        }
        if (maxEvents < 0) {
            throw new IllegalArgumentException("maxEvents must be 0 (no cap) or more, was " + maxEvents);
        }
        this.redis = new RedisStoreClient(connections, "Redis event store", timeout, 0, EventStoreException::new);
        this.keys = new RedisKeyLayout(keyPrefix);
        this.ttl = ttl;
        this.maxEvents = maxEvents;
    }

    /** The stream of one conversation. */
    public String key(String conversationId) {
        return keys.key("recording", conversationId);
    }

    public Duration ttl() {
        return ttl;
    }

    @Override
    public Mono<Void> append(String conversationId, List<RecordedEvent> events) {
        return Mono.defer(() -> {
            List<String> arguments = new ArrayList<>(events.size() + 2);
            arguments.add(Long.toString(ttl.toMillis()));
            arguments.add(Long.toString(maxEvents));
            events.forEach(event -> arguments.add(event.toJsonLine()));
            return redis.write(APPEND, List.of(key(conversationId)), arguments).then();
        }).onErrorMap(redis.failure("append " + events.size() + " event(s) of conversation '" + conversationId + "'"));
    }

    @Override
    public Flux<RecordedEvent> read(String conversationId) {
        return Mono.defer(() -> {
            String key = key(conversationId);
            return redis.call(template -> template.opsForStream().range(key, Range.unbounded()).collectList())
                    .map(entries -> entries.stream().map(entry -> RecordedEvent.fromJsonLine(
                            String.valueOf(entry.getValue().get("event")), "Redis stream " + key + " entry "
                                    + entry.getId())).toList());
        }).onErrorMap(redis.failure("read the events of conversation '" + conversationId + "'"))
                .flatMapIterable(events -> events);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("type", "redis");
        description.put("keyPrefix", keys.prefix());
        description.put("ttl", ttl.isZero() ? "none" : ttl.toString());
        description.put("maxEvents", maxEvents == 0 ? "none" : maxEvents);
        return description;
    }
}
