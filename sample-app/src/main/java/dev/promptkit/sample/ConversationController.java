package dev.promptkit.sample;

import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.StreamChunk;
import dev.promptkit.types.Message;
import java.util.List;
import java.util.Map;
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
 * instance of the app can serve any conversation.
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

    /** Request body of {@code POST /api/conversations}; {@code prompt} is optional. */
    record OpenRequest(String prompt) {
    }

    /** Request body of {@code POST /api/conversations/{id}/messages}. */
    record MessageRequest(String text) {
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
        return conversations.resumeAsync(id)
                .flatMap(conversation -> conversation.sendAsync(request.text()))
                .map(ChatResponse::of);
    }

    @GetMapping(path = "/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> stream(@PathVariable String id, @RequestParam String text) {
        return conversations.resumeAsync(id)
                .flatMapMany(conversation -> conversation.stream(text))
                .map(ConversationController::event);
    }

    @GetMapping("/{id}/messages")
    Mono<List<Message>> history(@PathVariable String id) {
        return conversations.resumeAsync(id).flatMap(Conversation::messagesAsync);
    }

    private static ServerSentEvent<Object> event(StreamChunk chunk) {
        Object data = switch (chunk.type()) {
            case TEXT -> Map.of("text", chunk.text());
            case TOOL_CALL -> chunk.toolCall();
            case MEDIA -> chunk.media();
            case DONE -> ChatResponse.of(chunk.response());
        };
        return ServerSentEvent.builder(data).event(chunk.type().name().toLowerCase(java.util.Locale.ROOT)).build();
    }
}
