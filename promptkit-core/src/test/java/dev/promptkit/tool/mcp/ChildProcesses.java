/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/** This JVM's child processes, to see what a test started and whether it stopped. */
final class ChildProcesses {

    private ChildProcesses() {
    }

    static Set<ProcessHandle> snapshot() {
        return ProcessHandle.current().children().collect(Collectors.toSet());
    }

    static Set<ProcessHandle> startedSince(Set<ProcessHandle> before) {
        return snapshot().stream().filter(child -> !before.contains(child)).collect(Collectors.toSet());
    }

    /** The one child process started since {@code before} was taken. */
    static ProcessHandle onlyStartedSince(Set<ProcessHandle> before) {
        Set<ProcessHandle> started = startedSince(before);
        assertThat(started).as("child processes started").hasSize(1);
        return started.iterator().next();
    }

    /** Waits until every child started since {@code before} has exited. */
    static void awaitAllStoppedSince(Set<ProcessHandle> before) {
        startedSince(before).forEach(child -> assertThat(child.onExit()).succeedsWithin(Duration.ofSeconds(5)));
    }
}
