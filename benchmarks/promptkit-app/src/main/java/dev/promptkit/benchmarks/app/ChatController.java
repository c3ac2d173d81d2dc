/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.app;

import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.StreamChunk;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The benchmark's HTTP contract, shared by every framework's app: {@code POST /chat} with
 * {@code {"message": "..."}} answers with SSE, one {@code data:} event per text chunk, then {@code data: [DONE]}.
 * Stateless: every request opens a fresh conversation (the state store keeps its turn, as an app would); its id
 * is in the {@code X-Conversation-Id} response header, so the soak test can find each request's stored turn.
 */
@RestController
class ChatController {

    static final String CONVERSATION_ID = "X-Conversation-Id";
    private static final ServerSentEvent<String> DONE = ServerSentEvent.builder("[DONE]").build();

    private final Conversations conversations;

    ChatController(Conversations conversations) {
        this.conversations = conversations;
    }

    /** Body of {@code POST /chat}. */
    record ChatRequest(String message) {
    }

    @PostMapping(path = "/chat", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> chat(@RequestBody ChatRequest request, ServerHttpResponse response) {
        Conversation conversation = conversations.open("chat");
        response.getHeaders().set(CONVERSATION_ID, conversation.id());
        return Flux.defer(() -> conversation.stream(request.message()))
                .filter(chunk -> chunk.type() == StreamChunk.Type.TEXT)
                .map(chunk -> ServerSentEvent.builder(chunk.text()).build())
                .concatWith(Mono.just(DONE));
    }
}
