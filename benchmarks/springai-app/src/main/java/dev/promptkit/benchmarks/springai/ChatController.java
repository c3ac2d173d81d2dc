/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.springai;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The benchmark's HTTP contract, shared by every framework's app: {@code POST /chat} with
 * {@code {"message": "..."}} answers with SSE, one {@code data:} event per text chunk, then {@code data: [DONE]}.
 * Stateless: every request is a fresh conversation (no chat memory), the system prompt and the {@code lookup_order}
 * tool on each prompt; {@code ChatClient}'s tool-calling advisor runs the tool round.
 */
@RestController
class ChatController {

    static final String SYSTEM_PROMPT =
            "You are a helpful assistant. Use lookup_order to check an order before you talk about it.";

    private static final ServerSentEvent<String> DONE = ServerSentEvent.builder("[DONE]").build();

    private final ChatClient chatClient;
    private final OrderTools orderTools;

    ChatController(ChatClient.Builder chatClientBuilder, OrderTools orderTools) {
        this.chatClient = chatClientBuilder.defaultSystem(SYSTEM_PROMPT).build();
        this.orderTools = orderTools;
    }

    /** Body of {@code POST /chat}. */
    record ChatRequest(String message) {
    }

    @PostMapping(path = "/chat", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> chat(@RequestBody ChatRequest request) {
        return chatClient.prompt()
                .user(request.message())
                .tools(orderTools)
                .stream()
                .content()
                .map(text -> ServerSentEvent.builder(text).build())
                .concatWith(Mono.just(DONE));
    }
}
