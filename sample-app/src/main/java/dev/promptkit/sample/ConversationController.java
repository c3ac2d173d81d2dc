/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.StreamChunk;
import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.types.Message;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
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
 * The chat API. Stateless: every request resumes its conversation from the state store by id, so any
 * instance of the app can serve any conversation (and approve any held tool call).
 */
@RestController
@RequestMapping("/api/conversations")
class ConversationController {

    private final Conversations conversations;
    private final SampleProperties properties;

    ConversationController(Conversations conversations, SampleProperties properties) {
        this.conversations = conversations;
        this.properties = properties;
    }

    /** Body of {@code POST /api/conversations}; {@code prompt} is optional. */
    record OpenRequest(String prompt) {
    }

    /** Body of {@code POST /api/conversations/{id}/messages}. */
    record MessageRequest(String text) {
    }

    /** Body of {@code POST /api/conversations/{id}/approvals/{callId}}; {@code approve} is required. */
    record ApprovalRequest(Boolean approve, String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, String>> open(@RequestBody(required = false) OpenRequest request) {
        String prompt = request == null || request.prompt() == null ? properties.prompt() : request.prompt();
        return Mono.defer(() -> {
            Conversation conversation = conversations.open(prompt);
            return conversation.saveAsync().thenReturn(Map.of("id", conversation.id()));
        });
    }

    @PostMapping("/{id}/messages")
    Mono<ChatResponse> send(@PathVariable String id, @RequestBody MessageRequest request) {
        String text = checkedText(request == null ? null : request.text());
        return conversations.resumeAsync(id).flatMap(conversation -> conversation.sendAsync(text)).map(ChatResponse::of);
    }

    /**
     * The answer as server-sent events: {@code text}, {@code tool_call}, {@code media}, then {@code done}. A failure
     * before the first event is an ordinary problem response with its status; after it, the stream ends with an
     * {@code error} event carrying the same problem ({@link ApiProblems}).
     */
    @GetMapping(path = "/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> stream(@PathVariable String id, @RequestParam(required = false) String text) {
        String checked = checkedText(text);
        return Flux.defer(() -> {
            AtomicBoolean started = new AtomicBoolean();
            return conversations.resumeAsync(id).flatMapMany(conversation -> conversation.stream(checked))
                    .map(ConversationController::event)
                    .doOnNext(event -> started.set(true))
                    .onErrorResume(failure -> started.get(), failure -> Flux.just(ServerSentEvent
                            .<Object>builder(ApiProblems.of(failure)).event("error").build()));
        });
    }

    @GetMapping("/{id}/messages")
    Mono<List<Message>> history(@PathVariable String id) {
        return conversations.resumeAsync(id).flatMap(Conversation::messagesAsync);
    }

    @GetMapping("/{id}/approvals")
    Mono<List<PendingToolCall>> approvals(@PathVariable String id) {
        return conversations.resumeAsync(id).flatMap(Conversation::pendingToolsAsync);
    }

    /**
     * Approves or rejects a held tool call; when no other call waits, the turn goes on and its answer is
     * returned, otherwise the calls still waiting are. Sending the same decision again (after the answer failed,
     * say) runs nothing twice: it carries the turn on with the result kept the first time.
     */
    @PostMapping("/{id}/approvals/{callId}")
    Mono<ChatResponse> decide(@PathVariable String id, @PathVariable String callId,
            @RequestBody ApprovalRequest request) {
        if (request == null || request.approve() == null) {
            throw new IllegalArgumentException("The body must say \"approve\": true or false");
        }
        String reason = request.reason() == null ? null : checkedLength(request.reason());
        return conversations.resumeAsync(id).flatMap(conversation -> (request.approve()
                ? conversation.resolveToolAsync(callId) : conversation.rejectToolAsync(callId, reason))
                .then(conversation.pendingToolsAsync())
                .flatMap(waiting -> waiting.isEmpty() ? conversation.continueTurnAsync().map(ChatResponse::of)
                        : Mono.just(new ChatResponse(null, List.of(), waiting, 0, 0, BigDecimal.ZERO, 0, List.of()))));
    }

    @PostMapping("/{id}/fork")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, String>> fork(@PathVariable String id) {
        return conversations.resumeAsync(id).flatMap(Conversation::forkAsync)
                .flatMap(branch -> branch.saveAsync().thenReturn(Map.of("id", branch.id())));
    }

    private String checkedText(String text) {
        return checkedText(text, properties.maxMessageLength());
    }

    /** The message text, if it is not empty and at most {@code maxLength} characters long. */
    static String checkedText(String text, int maxLength) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The message text must not be empty");
        }
        return checkedLength(text, maxLength);
    }

    private String checkedLength(String text) {
        return checkedLength(text, properties.maxMessageLength());
    }

    private static String checkedLength(String text, int maxLength) {
        if (text.length() > maxLength) {
            throw new MessageTooLargeException(text.length(), maxLength);
        }
        return text;
    }

    static ServerSentEvent<Object> event(StreamChunk chunk) {
        Object data = switch (chunk.type()) {
            case TEXT, REASONING -> Map.of("text", chunk.text());
            case TOOL_CALL -> chunk.toolCall();
            case MEDIA -> chunk.media();
            case DONE -> ChatResponse.of(chunk.response()).withoutText();
            // why the answer's speech stopped, when promptkit.voice.speak-text-answers is on (the text goes on)
            case SPEECH_FAILED -> Map.of("reason", chunk.text());
            // a duplex (voice) session streams these, and AUDIO only with speak-text-answers, which the sample leaves
            // off: its spoken answers go through /api/voice
            case AUDIO, INPUT_TRANSCRIPT, OUTPUT_TRANSCRIPT, INTERRUPTED, TURN_COMPLETE ->
                throw new IllegalStateException("a unary turn streamed a " + chunk.type() + " chunk");
        };
        return ServerSentEvent.builder(data).event(chunk.type().name().toLowerCase(Locale.ROOT)).build();
    }
}
