/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.types.MediaContent;
import dev.promptkit.types.ToolCall;

/**
 * One element of a conversation's output. From {@link Conversation#stream}: text deltas, tool calls the model
 * made, {@link Type#REASONING} pieces of the model's reasoning (never part of the answer's text), media, and last,
 * exactly once, {@link Type#DONE} carrying the whole {@link Response}; with
 * {@link ConversationOptions.Builder#tts} also {@link Type#AUDIO}, sentence by sentence, and, if synthesis fails,
 * one {@link Type#SPEECH_FAILED} saying why in its text (the turn goes on in text). From a duplex
 * conversation's {@link DuplexConversation#response()}: text deltas, {@link Type#AUDIO} (the model's speech),
 * {@link Type#INPUT_TRANSCRIPT} and {@link Type#OUTPUT_TRANSCRIPT} pieces, tool calls,
 * {@link Type#INTERRUPTED} (the user spoke over the model: stop playing its audio), and
 * {@link Type#TURN_COMPLETE} after each model response, carrying that turn's {@link Response} once it has
 * been stored.
 *
 * @since 0.1.0
 */
public record StreamChunk(Type type, String text, ToolCall toolCall, MediaContent media, Response response,
        AudioChunk audio) {

    /** The kinds of chunk. */
    public enum Type { TEXT, REASONING, TOOL_CALL, MEDIA, DONE, AUDIO, INPUT_TRANSCRIPT, OUTPUT_TRANSCRIPT, INTERRUPTED,
        TURN_COMPLETE, SPEECH_FAILED }

    /** A chunk without audio, as {@link Conversation#stream} emits them. */
    public StreamChunk(Type type, String text, ToolCall toolCall, MediaContent media, Response response) {
        this(type, text, toolCall, media, response, null);
    }

    public static StreamChunk text(String delta) {
        return new StreamChunk(Type.TEXT, delta, null, null, null);
    }

    /** A piece of the model's reasoning. */
    public static StreamChunk reasoning(String delta) {
        return new StreamChunk(Type.REASONING, delta, null, null, null);
    }

    public static StreamChunk toolCall(ToolCall call) {
        return new StreamChunk(Type.TOOL_CALL, null, call, null, null);
    }

    public static StreamChunk media(MediaContent media) {
        return new StreamChunk(Type.MEDIA, null, null, media, null);
    }

    public static StreamChunk done(Response response) {
        return new StreamChunk(Type.DONE, null, null, null, response);
    }

    /** A piece of the model's speech. */
    public static StreamChunk audio(AudioChunk audio) {
        return new StreamChunk(Type.AUDIO, null, null, null, null, audio);
    }

    /** A piece of the transcript of what the user said. */
    public static StreamChunk inputTranscript(String piece) {
        return new StreamChunk(Type.INPUT_TRANSCRIPT, piece, null, null, null);
    }

    /** A piece of the transcript of what the model says. */
    public static StreamChunk outputTranscript(String piece) {
        return new StreamChunk(Type.OUTPUT_TRANSCRIPT, piece, null, null, null);
    }

    /** Text-to-speech failed: {@code message} says why; the answer goes on in text only. */
    public static StreamChunk speechFailed(String message) {
        return new StreamChunk(Type.SPEECH_FAILED, message, null, null, null);
    }

    public static StreamChunk interrupted() {
        return new StreamChunk(Type.INTERRUPTED, null, null, null, null);
    }

    /** The end of one model response of a duplex session, with the turn as stored. */
    public static StreamChunk turnComplete(Response turn) {
        return new StreamChunk(Type.TURN_COMPLETE, null, null, null, turn);
    }

    public boolean isText() {
        return type == Type.TEXT;
    }

    public boolean isReasoning() {
        return type == Type.REASONING;
    }

    public boolean isDone() {
        return type == Type.DONE;
    }
}
