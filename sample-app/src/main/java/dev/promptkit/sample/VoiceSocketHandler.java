/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.AudioConverter;
import dev.promptkit.duplex.AudioFormat;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.DuplexConversation;
import dev.promptkit.sdk.StreamChunk;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/voice}: one duplex conversation on the sample's prompt per socket. Binary frames are the user's audio
 * (PCM16 in {@code promptkit.voice.input-audio}'s format, 16 kHz mono by default) and go to {@code sendChunk}; text
 * frames are {@link VoiceCommand}s. What the session answers comes back as {@link VoiceEvent}s in text frames and
 * the model's speech as binary frames of 24 kHz mono PCM16.
 *
 * <p>A frame that cannot be relayed (not JSON, an unknown command, an odd number of audio bytes, the session gone)
 * gets an {@code error} event, and the socket stays open. Closing the socket closes the conversation. When the
 * session ends, the socket is closed: normally when it ended by itself, with status 1011 and a reason naming the
 * error when it failed (or could not be opened).
 */
class VoiceSocketHandler implements WebSocketHandler {

    /** The format of the binary frames the socket sends. */
    static final AudioFormat SPEECH_FORMAT = AudioFormat.PCM16_24KHZ_MONO;

    /** The longest close reason a WebSocket close frame carries, in UTF-8 bytes. */
    private static final int MAX_REASON_BYTES = 123;

    private final Conversations conversations;
    private final SampleProperties properties;
    private final VoiceSessions sessions;
    private final JsonMapper json;

    VoiceSocketHandler(Conversations conversations, SampleProperties properties, VoiceSessions sessions,
            JsonMapper json) {
        this.conversations = conversations;
        this.properties = properties;
        this.sessions = sessions;
        this.json = json;
    }

    @Override
    public Mono<Void> handle(WebSocketSession socket) {
        return conversations.openDuplexAsync(conversations.defaultPackName(), properties.prompt())
                .flatMap(conversation -> {
                    sessions.add(conversation);
                    return converse(socket, conversation).doFinally(signal -> conversation.close());
                })
                .onErrorResume(failure -> closeIfOpen(socket, failed(failure)));
    }

    private Mono<Void> converse(WebSocketSession socket, DuplexConversation conversation) {
        Sinks.Many<VoiceEvent> notices = Sinks.many().unicast().onBackpressureBuffer();
        AudioConverter speech = new AudioConverter(SPEECH_FORMAT);
        Flux<WebSocketMessage> answers = conversation.response()
                .map(chunk -> chunk.type() == StreamChunk.Type.AUDIO
                        ? audio(socket, speech.convert(chunk.audio())) : text(socket, VoiceEvent.of(chunk)))
                .doFinally(signal -> notices.tryEmitComplete());
        Flux<WebSocketMessage> events = Flux.just(VoiceEvent.ready(conversation.id())).concatWith(notices.asFlux())
                .map(event -> text(socket, event));
        Mono<Void> outbound = socket.send(Flux.merge(events, answers))
                .then(Mono.defer(() -> closeIfOpen(socket, CloseStatus.NORMAL.withReason("the voice session ended"))))
                .onErrorResume(failure -> closeIfOpen(socket, failed(failure)));
        Mono<Void> inbound = socket.receive()
                .map(frame -> relay(frame, conversation))
                .concatMap(relay -> relay.onErrorResume(failure -> {
                    notices.tryEmitNext(VoiceEvent.error(failure.getMessage()));
                    return Mono.empty();
                }))
                .then(Mono.fromRunnable(conversation::close));
        return Mono.when(outbound, inbound);
    }

    /**
     * Reads one frame at once (its buffer is released after this) and hands the audio or the command to the
     * conversation when the returned {@link Mono} is subscribed.
     */
    private Mono<Void> relay(WebSocketMessage frame, DuplexConversation conversation) {
        if (frame.getType() == WebSocketMessage.Type.BINARY) {
            byte[] audio = bytes(frame.getPayload());
            return Mono.defer(() -> conversation.sendChunkAsync(new AudioChunk(audio,
                    conversations.defaults().voice().duplex().inputAudioFormat())));
        }
        String text = frame.getPayloadAsText();
        return Mono.defer(() -> {
            VoiceCommand command = VoiceCommand.parse(text, json);
            if (VoiceCommand.COMMIT.equals(command.type())) {
                return conversation.triggerStartAsync();
            }
            if (command.text() != null && command.text().length() > properties.maxMessageLength()) {
                throw new MessageTooLargeException(command.text().length(), properties.maxMessageLength());
            }
            return conversation.sendTextAsync(command.text());
        });
    }

    private WebSocketMessage text(WebSocketSession socket, VoiceEvent event) {
        return socket.textMessage(json.writeValueAsString(event));
    }

    private static WebSocketMessage audio(WebSocketSession socket, AudioChunk chunk) {
        return socket.binaryMessage(buffers -> buffers.wrap(chunk.data()));
    }

    /** Copies a binary frame out of its buffer, which is released once the frame has been handled. */
    private static byte[] bytes(DataBuffer payload) {
        byte[] bytes = new byte[payload.readableByteCount()];
        payload.read(bytes);
        return bytes;
    }

    private static Mono<Void> closeIfOpen(WebSocketSession socket, CloseStatus status) {
        return socket.isOpen() ? socket.close(status) : Mono.empty();
    }

    /** 1011 with a reason naming the failure, cut to what a close frame holds. */
    static CloseStatus failed(Throwable failure) {
        String reason = "voice session failed: " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
        while (reason.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            reason = reason.substring(0, reason.length() - 1);
        }
        return CloseStatus.SERVER_ERROR.withReason(reason);
    }
}
