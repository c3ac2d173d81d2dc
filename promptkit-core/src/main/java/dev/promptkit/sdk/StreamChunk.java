package dev.promptkit.sdk;

import dev.promptkit.types.MediaContent;
import dev.promptkit.types.ToolCall;

/**
 * One element of {@link Conversation#stream}: a text delta, a tool call the model made, media, and
 * last, exactly once, {@link Type#DONE} carrying the whole {@link Response}.
 */
public record StreamChunk(Type type, String text, ToolCall toolCall, MediaContent media, Response response) {

    /** The kinds of chunk. */
    public enum Type { TEXT, TOOL_CALL, MEDIA, DONE }

    public static StreamChunk text(String delta) {
        return new StreamChunk(Type.TEXT, delta, null, null, null);
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

    public boolean isText() {
        return type == Type.TEXT;
    }

    public boolean isDone() {
        return type == Type.DONE;
    }
}
