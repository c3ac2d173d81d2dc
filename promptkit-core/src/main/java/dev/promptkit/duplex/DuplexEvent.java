package dev.promptkit.duplex;

import dev.promptkit.provider.TokenUsage;
import dev.promptkit.types.ToolCall;

/** What a {@link DuplexSession} emits, in the order it happens. */
public sealed interface DuplexEvent {

    /** A piece of the model's text answer. */
    record TextDelta(String text) implements DuplexEvent {
    }

    /** A piece of the model's spoken answer. */
    record AudioDelta(AudioChunk audio) implements DuplexEvent {
    }

    /** What the user said, as recognised; {@code complete} once the utterance is final. */
    record InputTranscript(String text, boolean complete) implements DuplexEvent {
    }

    /** The text of what the model is saying. */
    record OutputTranscript(String text) implements DuplexEvent {
    }

    /** The model calls a tool; answer with {@link DuplexSession#sendToolResult}. */
    record ToolCallRequested(ToolCall call) implements DuplexEvent {
    }

    /** The user started speaking over the model: stop playing what was already sent. */
    record Interrupted() implements DuplexEvent {
    }

    /** The model finished one response; {@code usage} may be {@link TokenUsage#NONE} when not reported. */
    record TurnComplete(TokenUsage usage) implements DuplexEvent {
    }
}
