/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.a2a.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.a2a.spec.Task;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Tasks in memory last their time to live after their last change. */
class InMemoryA2aTaskStoreTests {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aTaskIsKeptForItsTimeToLiveAfterItsLastChange() {
        InMemoryA2aTaskStore store = new InMemoryA2aTaskStore(Duration.ofMinutes(10), clock);
        store.save(task("t1", TaskState.WORKING)).block();
        now.set(now.get().plus(Duration.ofMinutes(8)));
        store.save(task("t1", TaskState.COMPLETED)).block();
        now.set(now.get().plus(Duration.ofMinutes(8)));

        assertThat(store.find("t1").block().getStatus().state()).isEqualTo(TaskState.COMPLETED);
        now.set(now.get().plus(Duration.ofMinutes(2)));
        assertThat(store.find("t1").blockOptional()).isEmpty();
        assertThat(store.find("t2").blockOptional()).isEmpty();
    }

    static Task task(String id, TaskState state) {
        return new Task.Builder().id(id).contextId("c1").status(new TaskStatus(state)).build();
    }
}
