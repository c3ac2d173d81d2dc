/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.duplex;

import dev.promptkit.types.TokenUsage;
import dev.promptkit.types.ToolCall;

/**
 * What a {@link DuplexSession} emits, in the order it happens.
 *
 * @since 0.1.0
 */
public sealed interface DuplexEvent {

    /** A piece of the model's text answer. */
    record TextDelta(String text) implements DuplexEvent {
    }

    /** A piece of the model's spoken answer. */
    record AudioDelta(AudioChunk audio) implements DuplexEvent {
    }

    /**
     * A piece of what the user said, as recognised: pieces of one utterance are appended in order, and
     * {@code complete} marks its last piece (a recogniser that only reports whole utterances sends each as
     * one complete piece).
     */
    record InputTranscript(String text, boolean complete) implements DuplexEvent {
    }

    /** A piece of the text of what the model is saying, to be appended to the pieces before it. */
    record OutputTranscript(String text) implements DuplexEvent {
    }

    /** The model calls a tool; answer with {@link DuplexSession#sendToolResult}. */
    record ToolCallRequested(ToolCall call) implements DuplexEvent {
    }

    /** The user started speaking over the model: stop playing what was already sent. */
    record Interrupted() implements DuplexEvent {
    }

    /**
     * The model finished one response (a response that asks for tools is one too); {@code usage} is what the
     * upstream reported for it, {@link TokenUsage#NONE} when it reported nothing.
     */
    record TurnComplete(TokenUsage usage) implements DuplexEvent {
    }
}
