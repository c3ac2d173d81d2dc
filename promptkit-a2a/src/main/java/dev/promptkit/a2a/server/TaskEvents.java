/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.a2a.server;

import io.a2a.spec.Artifact;
import io.a2a.spec.Message;
import io.a2a.spec.Task;
import io.a2a.spec.TaskArtifactUpdateEvent;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatus;
import io.a2a.spec.TaskStatusUpdateEvent;
import io.a2a.spec.TextPart;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The tasks, messages and events of one A2A task an agent runs: the user's message, then the agent's answer. */
final class TaskEvents {

    /** The id of the artifact holding the agent's answer. */
    static final String ANSWER_ARTIFACT = "answer";

    private final String agent;
    private final String taskId;
    private final String contextId;
    private final Message request;

    TaskEvents(String agent, String taskId, String contextId, Message request) {
        this.agent = agent;
        this.taskId = taskId;
        this.contextId = contextId;
        this.request = new Message.Builder(request).taskId(taskId).contextId(contextId).build();
    }

    String taskId() {
        return taskId;
    }

    /** The task while the agent works on it. */
    Task working() {
        return new Task.Builder().id(taskId).contextId(contextId).status(status(TaskState.WORKING, null))
                .history(List.of(request)).build();
    }

    /** The task once the agent answered {@code text}. */
    Task completed(String text) {
        Message answer = agentMessage(text);
        return new Task.Builder().id(taskId).contextId(contextId).status(status(TaskState.COMPLETED, answer))
                .history(List.of(request, answer)).artifacts(List.of(answer(text))).build();
    }

    /** The task once the agent's turn failed with {@code reason}. */
    Task failed(String reason) {
        return ended(TaskState.FAILED, reason);
    }

    /** {@code task} (still running) canceled. */
    static Task canceled(Task task) {
        List<Message> history = task.getHistory() == null ? List.of() : task.getHistory();
        return new Task.Builder(task).status(new TaskStatus(TaskState.CANCELED, null, now())).history(
                new ArrayList<>(history)).build();
    }

    /** A piece of the answer while it streams. */
    TaskArtifactUpdateEvent piece(String text, boolean first) {
        return new TaskArtifactUpdateEvent.Builder().taskId(taskId).contextId(contextId).artifact(answer(text))
                .append(!first).lastChunk(false).build();
    }

    /** The last event of a stream: the task's final state. */
    TaskStatusUpdateEvent finalStatus(Task task) {
        return new TaskStatusUpdateEvent.Builder().taskId(taskId).contextId(contextId).status(task.getStatus())
                .isFinal(true).build();
    }

    private Task ended(TaskState state, String reason) {
        Message message = agentMessage(reason);
        return new Task.Builder().id(taskId).contextId(contextId).status(status(state, message))
                .history(List.of(request)).build();
    }

    private Message agentMessage(String text) {
        return new Message.Builder().role(Message.Role.AGENT).parts(List.of(new TextPart(text)))
                .messageId(UUID.randomUUID().toString()).taskId(taskId).contextId(contextId).build();
    }

    private Artifact answer(String text) {
        return new Artifact.Builder().artifactId(ANSWER_ARTIFACT).name(agent + " answer")
                .parts(List.of(new TextPart(text))).build();
    }

    private static TaskStatus status(TaskState state, Message message) {
        return new TaskStatus(state, message, now());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
