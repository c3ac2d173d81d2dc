/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.a2a.server;

import io.a2a.spec.Task;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Tasks in this process's memory, each dropped {@code ttl} after its last change (on the next save or read).
 *
 * @since 0.1.0
 */
public final class InMemoryA2aTaskStore implements A2aTaskStore {

    private record Entry(Task task, Instant expires) {
    }

    private final Map<String, Entry> tasks = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public InMemoryA2aTaskStore(Duration ttl) {
        this(ttl, Clock.systemUTC());
    }

    public InMemoryA2aTaskStore(Duration ttl, Clock clock) {
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<Void> save(Task task) {
        return Mono.fromRunnable(() -> {
            Instant now = clock.instant();
            tasks.values().removeIf(entry -> !entry.expires().isAfter(now));
            tasks.put(task.getId(), new Entry(task, now.plus(ttl)));
        });
    }

    @Override
    public Mono<Task> find(String taskId) {
        return Mono.fromSupplier(() -> {
            Entry entry = tasks.get(taskId);
            if (entry == null || !entry.expires().isAfter(clock.instant())) {
                return null;
            }
            return entry.task();
        });
    }
}
