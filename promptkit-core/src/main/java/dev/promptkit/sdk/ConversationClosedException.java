package dev.promptkit.sdk;

import dev.promptkit.PromptKitException;

/** A conversation was used after {@link Conversation#close()}. */
public class ConversationClosedException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    public ConversationClosedException(String conversationId) {
        super("Conversation '" + conversationId + "' is closed");
    }
}
