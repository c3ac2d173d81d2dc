package dev.promptkit.context;

import dev.promptkit.types.Message;
import dev.promptkit.types.ToolCall;

/**
 * Counts how many tokens a text or a message costs a model. Implementations are thread-safe.
 */
public interface TokenCounter {

    /** The tokens in {@code text}; 0 for {@code null} or empty text. */
    int count(String text);

    /**
     * The tokens in a message: its text (for a tool message without content, the tool result as the model
     * sees it) plus the JSON arguments of each tool call it carries.
     */
    default int count(Message message) {
        String body = message.content() == null && message.toolResult() != null
                ? message.toolResult().contentForModel()
                : message.text();
        int tokens = count(body);
        for (ToolCall call : message.toolCalls()) {
            tokens += count(call.argumentsJson());
        }
        return tokens;
    }
}
