/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.a2a.server;

import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationNotFoundException;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.StreamChunk;
import io.a2a.spec.Message;
import io.a2a.spec.StreamingEventKind;
import io.a2a.spec.Task;
import io.a2a.spec.TextPart;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs A2A tasks as turns of conversations on the agents' prompts: the conversation of a task is
 * {@code a2a/<agent>/<context id>}, so a message sent with the context id of an earlier task continues that
 * conversation. Keeps each task in the {@link A2aTaskStore} as it starts and ends; a running task can be canceled.
 */
final class AgentTaskRunner {

    private final Conversations conversations;
    private final String packName;
    private final A2aTaskStore store;
    private final Map<String, Consumer<Task>> running = new ConcurrentHashMap<>();

    AgentTaskRunner(Conversations conversations, String packName, A2aTaskStore store) {
        this.conversations = conversations;
        this.packName = packName;
        this.store = store;
    }

    /** The conversation id of the context {@code contextId} of {@code agent}. */
    static String conversationId(String agent, String contextId) {
        return "a2a/" + agent + "/" + contextId;
    }

    /** Runs {@code request} to the end: the completed (or failed) task. */
    Mono<Task> send(String agent, Message request) {
        TaskEvents task = start(agent, request);
        Mono<Task> run = conversation(agent, task, request)
                .flatMap(conversation -> conversation.sendAsync(text(request))
                        .map(response -> task.completed(response.text()))
                        .doFinally(signal -> conversation.close()))
                .onErrorResume(e -> Mono.just(task.failed(reason(e))));
        return store.save(task.working()).then(run).flatMap(done -> store.save(done).thenReturn(done));
    }

    /** Runs {@code request}, streaming: the working task, the answer's pieces, then the final status. */
    Flux<StreamingEventKind> stream(String agent, Message request) {
        TaskEvents task = start(agent, request);
        Sinks.One<Boolean> stop = Sinks.one();
        AtomicReference<Task> canceled = new AtomicReference<>();
        StringBuilder answer = new StringBuilder();
        AtomicBoolean first = new AtomicBoolean(true);
        Flux<StreamingEventKind> pieces = conversation(agent, task, request)
                .flatMapMany(conversation -> conversation.stream(text(request))
                        .doFinally(signal -> conversation.close()))
                .filter(StreamChunk::isText)
                .map(chunk -> {
                    answer.append(chunk.text());
                    return (StreamingEventKind) task.piece(chunk.text(), first.getAndSet(false));
                });
        Mono<Task> end = Mono.fromSupplier(() -> task.completed(answer.toString()));
        Flux<StreamingEventKind> run = pieces
                .concatWith(end.flatMap(done -> finish(task, done)))
                .onErrorResume(e -> finish(task, task.failed(reason(e))))
                .takeUntilOther(stop.asMono())
                .concatWith(Mono.fromSupplier(canceled::get).map(task::finalStatus));
        Consumer<Task> cancel = canceledTask -> {
            canceled.set(canceledTask);
            stop.tryEmitValue(true);
        };
        return store.save(task.working()).thenMany(Flux.concat(Flux.just((StreamingEventKind) task.working()), run))
                .doOnSubscribe(subscription -> running.put(task.taskId(), cancel))
                .doFinally(signal -> running.remove(task.taskId()));
    }

    /**
     * Stops the running task {@code taskId}, which ends as {@code canceledTask} (already stored); whether it was
     * running here.
     */
    boolean cancel(String taskId, Task canceledTask) {
        Consumer<Task> stop = running.remove(taskId);
        if (stop != null) {
            stop.accept(canceledTask);
        }
        return stop != null;
    }

    private Mono<StreamingEventKind> finish(TaskEvents task, Task done) {
        return store.save(done).thenReturn(task.finalStatus(done));
    }

    private TaskEvents start(String agent, Message request) {
        String contextId = request.getContextId() != null && !request.getContextId().isBlank()
                ? request.getContextId() : UUID.randomUUID().toString();
        return new TaskEvents(agent, UUID.randomUUID().toString(), contextId, request);
    }

    private Mono<Conversation> conversation(String agent, TaskEvents task, Message request) {
        String id = conversationId(agent, request.getContextId() != null && !request.getContextId().isBlank()
                ? request.getContextId() : task.working().getContextId());
        return conversations.resumeAsync(id, packName, agent)
                .onErrorResume(ConversationNotFoundException.class, e -> Mono.fromSupplier(() -> conversations.open(
                        packName, agent, conversations.defaults().toBuilder()
                                .state(state -> state.withConversationId(id)).build())));
    }

    private static String text(Message request) {
        return request.getParts().stream().filter(TextPart.class::isInstance)
                .map(part -> ((TextPart) part).getText()).collect(Collectors.joining("\n"));
    }

    private static String reason(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
