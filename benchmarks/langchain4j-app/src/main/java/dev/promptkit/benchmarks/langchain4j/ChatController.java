/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.langchain4j;

import java.util.UUID;
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
 * Every request is a fresh conversation (a new memory id); its messages stay in the in-memory chat memory store.
 */
@RestController
class ChatController {

    private static final ServerSentEvent<String> DONE = ServerSentEvent.builder("[DONE]").build();

    private final Assistant assistant;

    ChatController(Assistant assistant) {
        this.assistant = assistant;
    }

    /** Body of {@code POST /chat}. */
    record ChatRequest(String message) {
    }

    @PostMapping(path = "/chat", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> chat(@RequestBody ChatRequest request) {
        // the TokenStream's callbacks bridged into a Flux (langchain4j-reactor, which would return Flux<String>
        // from the AI Service directly, is not available for 1.19.0 on the registry mirror)
        return Flux.<String>create(sink -> assistant.chat(UUID.randomUUID().toString(), request.message())
                        .onPartialResponse(sink::next)
                        .onCompleteResponse(response -> sink.complete())
                        .onError(sink::error)
                        .start())
                .map(text -> ServerSentEvent.builder(text).build())
                .concatWith(Mono.just(DONE));
    }
}
