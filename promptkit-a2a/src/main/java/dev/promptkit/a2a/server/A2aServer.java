/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.a2a.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.promptkit.pack.Pack;
import dev.promptkit.sdk.Conversations;
import io.a2a.spec.AgentCard;
import io.a2a.spec.CancelTaskRequest;
import io.a2a.spec.CancelTaskResponse;
import io.a2a.spec.GetTaskRequest;
import io.a2a.spec.GetTaskResponse;
import io.a2a.spec.InternalError;
import io.a2a.spec.InvalidParamsError;
import io.a2a.spec.JSONRPCError;
import io.a2a.spec.JSONRPCErrorResponse;
import io.a2a.spec.JSONRPCResponse;
import io.a2a.spec.Message;
import io.a2a.spec.MessageSendParams;
import io.a2a.spec.MethodNotFoundError;
import io.a2a.spec.SendMessageRequest;
import io.a2a.spec.SendMessageResponse;
import io.a2a.spec.SendStreamingMessageRequest;
import io.a2a.spec.SendStreamingMessageResponse;
import io.a2a.spec.Task;
import io.a2a.spec.TaskIdParams;
import io.a2a.spec.TaskNotCancelableError;
import io.a2a.spec.TaskNotFoundError;
import io.a2a.spec.TaskQueryParams;
import io.a2a.spec.TextPart;
import io.a2a.spec.UnsupportedOperationError;
import io.a2a.util.Utils;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Serves the agents of one pack (the members of its {@code agents} section) over A2A's JSON-RPC binding:
 * {@code message/send} runs a task to its end, {@code message/stream} streams it (the task, the answer's pieces as
 * artifact updates, then the final status), {@code tasks/get} reads a task, {@code tasks/cancel} cancels a task still
 * streaming. A message with the {@code contextId} of an earlier task continues that task's conversation. Bad
 * requests get JSON-RPC errors saying what is wrong; a failed turn ends the task as {@code failed}, its status
 * message saying why.
 *
 * @since 0.1.0
 */
public final class A2aServer {

    private final Pack pack;
    private final A2aTaskStore store;
    private final AgentTaskRunner runner;
    private final boolean streaming;

    /**
     * Serves the agents of the pack {@code packName} of {@code conversations}, keeping tasks in {@code store};
     * answers {@code message/stream} when {@code streaming} (else with an unsupported-operation error, and the
     * cards say so).
     */
    public A2aServer(Conversations conversations, String packName, A2aTaskStore store, boolean streaming) {
        this.streaming = streaming;
        this.pack = Objects.requireNonNull(conversations.packs().get(packName), () -> "no pack '" + packName + "'");
        this.store = Objects.requireNonNull(store, "store");
        this.runner = new AgentTaskRunner(conversations, packName, store);
    }

    /** The agents served: the members of the pack's {@code agents} section. */
    public Set<String> agents() {
        return pack.agents() == null ? Set.of() : pack.agents().members().keySet();
    }

    /** The pack's entry agent ({@code agents.entry}), when it names a served agent. */
    public Optional<String> entryAgent() {
        return pack.agents() == null ? Optional.empty()
                : Optional.ofNullable(pack.agents().entry()).filter(agents()::contains);
    }

    /** The card of {@code agent}, which takes JSON-RPC calls at {@code url}. */
    public AgentCard card(String agent, String url) {
        return AgentCards.of(pack, agent, url, streaming);
    }

    /** Answers the JSON-RPC request {@code body} sent to {@code agent}, one of {@link #agents()}. */
    public A2aReply handle(String agent, String body) {
        JsonRpcRequest request;
        try {
            request = JsonRpcRequest.read(body);
        }
        catch (JsonRpcRequest.Invalid e) {
            return new A2aReply.Single(Mono.just(json(new JSONRPCErrorResponse(e.id(), e.error()))));
        }
        try {
            return switch (request.method()) {
                case SendMessageRequest.METHOD -> new A2aReply.Single(runner.send(agent, message(request))
                        .map(task -> json(new SendMessageResponse(request.id(), task))));
                case SendStreamingMessageRequest.METHOD -> streaming ? new A2aReply.Stream(runner.stream(agent,
                        message(request)).map(event -> json(new SendStreamingMessageResponse(request.id(), event))))
                        : error(request.id(), new UnsupportedOperationError(null, "this agent does not stream: "
                                + "use message/send", null));
                case GetTaskRequest.METHOD -> new A2aReply.Single(answered(getTask(request)));
                case CancelTaskRequest.METHOD -> new A2aReply.Single(answered(cancelTask(request)));
                default -> error(request.id(), new MethodNotFoundError(null, "method '" + request.method()
                        + "' is not one this agent serves (message/send, message/stream, tasks/get, tasks/cancel)",
                        null));
            };
        }
        catch (JsonRpcRequest.Invalid e) {
            return error(e.id(), e.error());
        }
    }

    private Mono<String> getTask(JsonRpcRequest request) {
        TaskQueryParams params = request.params(TaskQueryParams.class);
        return stored(request, params.id()).map(task -> json(new GetTaskResponse(request.id(),
                withHistory(task, params.historyLength()))));
    }

    private Mono<String> cancelTask(JsonRpcRequest request) {
        TaskIdParams params = request.params(TaskIdParams.class);
        return stored(request, params.id()).flatMap(task -> {
            if (task.getStatus().state().isFinal()) {
                return Mono.error(new JsonRpcRequest.Invalid(request.id(), new TaskNotCancelableError(
                        "task " + task.getId() + " is " + task.getStatus().state().asString()
                                + " and can no longer be canceled")));
            }
            Task canceled = TaskEvents.canceled(task);
            return store.save(canceled).then(Mono.fromSupplier(() -> {
                runner.cancel(task.getId(), canceled);
                return json(new CancelTaskResponse(request.id(), canceled));
            }));
        });
    }

    /** {@code response}, or the JSON-RPC error it failed with. */
    private static Mono<String> answered(Mono<String> response) {
        return response.onErrorResume(JsonRpcRequest.Invalid.class,
                e -> Mono.just(json(new JSONRPCErrorResponse(e.id(), e.error()))));
    }

    private Mono<Task> stored(JsonRpcRequest request, String taskId) {
        if (taskId == null || taskId.isBlank()) {
            return Mono.error(new JsonRpcRequest.Invalid(request.id(), new InvalidParamsError(request.method()
                    + ": 'params.id' is missing")));
        }
        return store.find(taskId).switchIfEmpty(Mono.error(() -> new JsonRpcRequest.Invalid(request.id(),
                new TaskNotFoundError(null, "task " + taskId + " was not found (unknown, or expired)", null))));
    }

    private static Message message(JsonRpcRequest request) {
        MessageSendParams params = request.params(MessageSendParams.class);
        Message message = params.message();
        if (message == null || message.getParts() == null
                || message.getParts().stream().noneMatch(TextPart.class::isInstance)) {
            throw new JsonRpcRequest.Invalid(request.id(), new InvalidParamsError(request.method()
                    + ": 'params.message' has no text part; this agent reads text"));
        }
        if (message.getTaskId() != null && !message.getTaskId().isBlank()) {
            throw new JsonRpcRequest.Invalid(request.id(), new InvalidParamsError(request.method()
                    + ": 'params.message.taskId' names task " + message.getTaskId() + ", but this agent's tasks end"
                    + " with their answer; send the message with the task's contextId to continue its conversation"));
        }
        return message;
    }

    private static Task withHistory(Task task, int historyLength) {
        List<Message> history = task.getHistory();
        if (historyLength <= 0 || history == null || history.size() <= historyLength) {
            return task;
        }
        return new Task.Builder(task).history(history.subList(history.size() - historyLength, history.size()))
                .build();
    }

    private static A2aReply error(Object id, JSONRPCError error) {
        return new A2aReply.Single(Mono.just(json(new JSONRPCErrorResponse(id, error))));
    }

    private static String json(JSONRPCResponse<?> response) {
        try {
            return Utils.OBJECT_MAPPER.writeValueAsString(response);
        }
        catch (JsonProcessingException e) {
            return "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":" + new InternalError("").getCode()
                    + ",\"message\":\"the response cannot be written as JSON\"}}";
        }
    }
}
