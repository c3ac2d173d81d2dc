/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.a2a.server;

import io.a2a.spec.Task;
import reactor.core.publisher.Mono;

/**
 * Where an A2A server keeps its tasks, each for a while after its last change.
 *
 * @since 0.1.0
 */
public interface A2aTaskStore {

    /** Keeps {@code task}, replacing an earlier version of it. */
    Mono<Void> save(Task task);

    /** The task {@code taskId}; empty when unknown or expired. */
    Mono<Task> find(String taskId);
}
