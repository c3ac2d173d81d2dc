/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.a2a.client;

import io.a2a.spec.Artifact;
import io.a2a.spec.EventKind;
import io.a2a.spec.Message;
import io.a2a.spec.Part;
import io.a2a.spec.Task;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatus;
import io.a2a.spec.TextPart;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The text a remote agent answered: a message's text parts, or a completed task's artifacts (else its status
 * message). A task that ended otherwise than completed is an error naming its state.
 */
final class TaskAnswers {

    private TaskAnswers() {
    }

    /** The answer of a {@code message/send}: a {@link Message} or a {@link Task}. */
    static String of(EventKind result) {
        if (result instanceof Message message) {
            return text(message.getParts());
        }
        if (result instanceof Task task) {
            String artifacts = task.getArtifacts() == null ? "" : task.getArtifacts().stream()
                    .map(Artifact::parts).map(TaskAnswers::text).collect(Collectors.joining("\n"));
            return ofFinal(task.getId(), task.getStatus(), artifacts);
        }
        throw new IllegalStateException("an answer that is neither a message nor a task: " + result.getKind());
    }

    /** The answer of a task that reached {@code status}, given the text of its artifacts. */
    static String ofFinal(String taskId, TaskStatus status, String artifacts) {
        TaskState state = status == null ? TaskState.UNKNOWN : status.state();
        String statusText = status == null || status.message() == null ? "" : text(status.message().getParts());
        if (state != TaskState.COMPLETED) {
            throw new IllegalStateException("task " + taskId + " ended " + state.asString()
                    + (statusText.isBlank() ? "" : ": " + statusText));
        }
        return artifacts.isBlank() ? statusText : artifacts;
    }

    /** The text parts of {@code parts}, one after the other. */
    static String text(List<Part<?>> parts) {
        if (parts == null) {
            return "";
        }
        return parts.stream().filter(TextPart.class::isInstance).map(part -> ((TextPart) part).getText())
                .collect(Collectors.joining());
    }
}
