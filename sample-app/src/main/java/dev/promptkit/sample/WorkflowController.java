/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.Response;
import dev.promptkit.sdk.StreamChunk;
import dev.promptkit.sdk.Workflow;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The returns desk: a workflow (pack {@value #PACK}) the chat page runs when its "Returns desk" button is pressed.
 * Stateless like the chat API: every request resumes the workflow from the state store by id and closes it after.
 */
@RestController
@RequestMapping("/api/workflows")
class WorkflowController {

    static final String PACK = "returns";

    private final Conversations conversations;
    private final SampleProperties properties;

    WorkflowController(Conversations conversations, SampleProperties properties) {
        this.conversations = conversations;
        this.properties = properties;
    }

    /** Where a workflow is after a turn: its state, whether it is complete, and its artifacts. */
    record WorkflowView(String id, String state, boolean complete, Map<String, String> artifacts) {

        static WorkflowView of(Workflow workflow) {
            return new WorkflowView(workflow.id(), workflow.currentState(), workflow.isComplete(),
                    workflow.artifacts());
        }
    }

    /** The answer to one message, and where the workflow went. */
    record WorkflowAnswer(ChatResponse answer, WorkflowView workflow) {

        static WorkflowAnswer of(Response response, Workflow workflow) {
            return new WorkflowAnswer(ChatResponse.of(response), WorkflowView.of(workflow));
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<WorkflowView> open() {
        return conversations.openWorkflowAsync(PACK, conversations.defaults()).map(workflow -> {
            try (workflow) {
                return WorkflowView.of(workflow);
            }
        });
    }

    @PostMapping("/{id}/messages")
    Mono<WorkflowAnswer> send(@PathVariable String id, @RequestBody ConversationController.MessageRequest request) {
        String text = checked(request == null ? null : request.text());
        return Mono.usingWhen(conversations.resumeWorkflowAsync(id, PACK),
                workflow -> workflow.sendAsync(text).map(response -> WorkflowAnswer.of(response, workflow)),
                workflow -> Mono.fromRunnable(workflow::close));
    }

    /**
     * The answer as server-sent events, as the chat API streams it ({@code text}, {@code tool_call}, {@code done}),
     * then a {@code workflow} event with where the workflow went.
     */
    @GetMapping(path = "/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> stream(@PathVariable String id, @RequestParam(required = false) String text) {
        String checked = checked(text);
        return Flux.defer(() -> {
            AtomicBoolean started = new AtomicBoolean();
            return Flux.usingWhen(conversations.resumeWorkflowAsync(id, PACK),
                    workflow -> workflow.stream(checked).map(ConversationController::event)
                            .concatWith(Mono.fromSupplier(() -> ServerSentEvent.<Object>builder(WorkflowView.of(workflow))
                                    .event("workflow").build())),
                    workflow -> Mono.fromRunnable(workflow::close))
                    .doOnNext(event -> started.set(true))
                    .onErrorResume(failure -> started.get(), failure -> Flux.just(ServerSentEvent
                            .<Object>builder(ApiProblems.of(failure)).event("error").build()));
        });
    }

    private String checked(String text) {
        return ConversationController.checkedText(text, properties.maxMessageLength());
    }
}
