/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.a2a.client;

import io.a2a.spec.Message;
import io.a2a.spec.StreamingEventKind;
import io.a2a.spec.Task;
import io.a2a.spec.TaskArtifactUpdateEvent;
import io.a2a.spec.TaskStatusUpdateEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles the answer of a {@code message/stream} from its events: artifact updates append to (or replace) their
 * artifact's text; the stream is over with a message, a final status update or a task in a final state.
 */
final class StreamedAnswer {

    private final Map<String, StringBuilder> artifacts = new LinkedHashMap<>();

    /** Takes one event; the answer once the event ends the stream, else empty. */
    Optional<String> accept(StreamingEventKind event) {
        if (event instanceof TaskArtifactUpdateEvent update) {
            StringBuilder text = artifacts.computeIfAbsent(update.getArtifact().artifactId(), id -> new StringBuilder());
            if (!Boolean.TRUE.equals(update.isAppend())) {
                text.setLength(0);
            }
            text.append(TaskAnswers.text(update.getArtifact().parts()));
            return Optional.empty();
        }
        if (event instanceof TaskStatusUpdateEvent status) {
            return status.isFinal() || status.getStatus().state().isFinal()
                    ? Optional.of(TaskAnswers.ofFinal(status.getTaskId(), status.getStatus(), artifactText()))
                    : Optional.empty();
        }
        if (event instanceof Task task && task.getStatus() != null && task.getStatus().state().isFinal()) {
            String own = TaskAnswers.of(task);
            return Optional.of(own.isBlank() ? artifactText() : own);
        }
        if (event instanceof Message message) {
            return Optional.of(TaskAnswers.text(message.getParts()));
        }
        return Optional.empty();
    }

    private String artifactText() {
        return String.join("\n", artifacts.values().stream().map(StringBuilder::toString).toList());
    }
}
