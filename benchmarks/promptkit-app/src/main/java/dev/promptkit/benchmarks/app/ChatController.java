package dev.promptkit.benchmarks.app;

import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.StreamChunk;
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
 * Stateless: every request opens a fresh conversation (the in-memory store keeps its turn, as an app would).
 */
@RestController
class ChatController {

    private static final ServerSentEvent<String> DONE = ServerSentEvent.builder("[DONE]").build();

    private final Conversations conversations;

    ChatController(Conversations conversations) {
        this.conversations = conversations;
    }

    /** Body of {@code POST /chat}. */
    record ChatRequest(String message) {
    }

    @PostMapping(path = "/chat", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> chat(@RequestBody ChatRequest request) {
        return Flux.defer(() -> conversations.open("chat").stream(request.message()))
                .filter(chunk -> chunk.type() == StreamChunk.Type.TEXT)
                .map(chunk -> ServerSentEvent.builder(chunk.text()).build())
                .concatWith(Mono.just(DONE));
    }
}
