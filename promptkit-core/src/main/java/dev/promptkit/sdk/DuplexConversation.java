/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.ImageFrame;
import dev.promptkit.duplex.VideoChunk;
import dev.promptkit.session.LiveSession;
import dev.promptkit.tool.ToolRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A conversation that holds one live session with the model ({@code Conversations.openDuplex}): the caller sends
 * text ({@link #sendText}), audio ({@link #sendChunk}) and image frames ({@link #sendFrame}) whenever it has them,
 * reads everything that comes back from {@link #response()}, and learns from {@link #done()} and
 * {@link #sessionError()} when and why the session ended. In ASM mode the session is the provider's realtime
 * session, its system prompt rendered once, when it opens; in VAD mode ({@link ConversationOptions.Builder#vadMode})
 * each user turn is transcribed and answered by a text turn. Each completed model response is stored as a turn, so
 * {@link #messages()} shows the transcript.
 *
 * @since 0.1.0
 */
public final class DuplexConversation extends AbstractConversation<DuplexConversation> {

    private final LiveSession<StreamChunk> session;

    /**
     * @param session opens the live session, given the conversation's text turns (which VAD mode answers with);
     *     it must not run a turn before the constructor has returned
     */
    DuplexConversation(String id, ConversationSetup setup, Map<String, String> initialVariables, ToolRegistry tools,
            Function<TextTurns, LiveSession<StreamChunk>> session) {
        super(id, setup, initialVariables, tools, false);
        this.session = session.apply(textTurns());
    }

    /** Sends text from the user into the session (see {@link #sendTextAsync}). */
    public void sendText(String text) {
        sendTextAsync(text).block();
    }

    /** Sends text from the user into the session; completes once it was handed to the session. */
    public Mono<Void> sendTextAsync(String text) {
        return whileOpen(() -> {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("The message text must not be empty");
            }
            return session.sendText(text);
        });
    }

    /** Sends a piece of the user's audio into the session (see {@link #sendChunkAsync}). */
    public void sendChunk(AudioChunk chunk) {
        sendChunkAsync(chunk).block();
    }

    /** Sends a piece of the user's audio (PCM16, any rate: the provider's format is made from it). */
    public Mono<Void> sendChunkAsync(AudioChunk chunk) {
        return whileOpen(() -> session.sendChunk(Objects.requireNonNull(chunk, "chunk")));
    }

    /** Sends one image frame (a video frame or a screenshot) into the session (see {@link #sendFrameAsync}). */
    public void sendFrame(ImageFrame frame) {
        sendFrameAsync(frame).block();
    }

    /**
     * Sends one image frame. With {@link ConversationOptions.Builder#streamingVideo} set, the frame is first thinned
     * and shrunk: a frame that comes too soon after the last one completes without being sent. VAD mode takes no
     * frames and fails with a {@link dev.promptkit.duplex.DuplexSessionException}.
     */
    public Mono<Void> sendFrameAsync(ImageFrame frame) {
        return whileOpen(() -> session.sendFrame(Objects.requireNonNull(frame, "frame")));
    }

    /** Sends a piece of encoded video into the session (see {@link #sendVideoChunkAsync}). */
    public void sendVideoChunk(byte[] data, String mimeType) {
        sendVideoChunkAsync(data, mimeType).block();
    }

    /**
     * Sends a piece of encoded video: an {@code image/*} chunk goes as a frame; other video only to a session that
     * takes encoded video, others failing with an {@link UnsupportedOperationException} that says to decode the
     * video into frames and send those with {@link #sendFrame}.
     */
    public Mono<Void> sendVideoChunkAsync(byte[] data, String mimeType) {
        return whileOpen(() -> session.sendVideoChunk(new VideoChunk(data, mimeType, System.currentTimeMillis())));
    }

    /** Asks the model to answer now, without waiting for the end of the user's turn (see {@link #triggerStartAsync}). */
    public void triggerStart() {
        triggerStartAsync().block();
    }

    /** Asks the model to answer now: ends the user's audio turn where the session does not detect its end. */
    public Mono<Void> triggerStartAsync() {
        return whileOpen(session::triggerStart);
    }

    /**
     * Everything the session answers, as it comes: text, {@link StreamChunk.Type#AUDIO audio}, input and output
     * transcripts, tool calls, {@link StreamChunk.Type#INTERRUPTED interruptions} and a
     * {@link StreamChunk.Type#TURN_COMPLETE} after each stored turn. Completes when the session ends, fails with its
     * error. Subscribe before sending; several subscribers each get what comes after they subscribed. Chunks wait
     * for a late or slow subscriber, up to {@value LiveSession#RESPONSE_BUFFER} of them: a caller that falls further
     * behind ends the session.
     */
    public Flux<StreamChunk> response() {
        return session.response();
    }

    /** Completes when the session has ended, however it ended (see {@link #sessionError()}). */
    public Mono<Void> done() {
        return session.done();
    }

    /** The error that ended the session; empty while it lives or when it ended normally. */
    public Optional<Throwable> sessionError() {
        return session.sessionError();
    }

    private Mono<Void> whileOpen(Supplier<Mono<Void>> send) {
        return Mono.defer(() -> {
            ensureOpen();
            return send.get();
        });
    }

    /** Ends the session without waiting: {@link #done()} completes once it has. */
    @Override
    void closed() {
        session.close();
    }
}
