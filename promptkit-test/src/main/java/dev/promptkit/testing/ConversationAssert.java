/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.testing;

import dev.promptkit.sdk.Conversation;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a conversation's stored history ({@link Conversation#messages()}), as its state store holds it
 * between turns.
 *
 * <pre>{@code
 * assertThat(conversation).hasTurnCount(2).lastAnswerContains("A-1001");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ConversationAssert extends AbstractAssert<ConversationAssert, Conversation> {

    ConversationAssert(Conversation actual) {
        super(actual, ConversationAssert.class);
    }

    /**
     * Checks how many messages are stored: user, assistant and tool messages.
     *
     * @param expected the count
     * @return this
     */
    public ConversationAssert hasMessageCount(int expected) {
        isNotNull();
        List<Message> messages = actual.messages();
        if (messages.size() != expected) {
            failWithMessage("Expected conversation <%s> to hold <%s> messages but it held <%s>: %s", actual.id(),
                    expected, messages.size(), describe(messages));
        }
        return this;
    }

    /**
     * Checks how many turns are stored, counted as the user's messages.
     *
     * @param expected the count
     * @return this
     */
    public ConversationAssert hasTurnCount(int expected) {
        isNotNull();
        List<Message> messages = actual.messages();
        long turns = messages.stream().filter(m -> m.role() == Role.USER).count();
        if (turns != expected) {
            failWithMessage("Expected conversation <%s> to hold <%s> turns but it held <%s>: %s", actual.id(),
                    expected, turns, describe(messages));
        }
        return this;
    }

    /**
     * Checks that the last stored assistant message contains a piece of text.
     *
     * @param piece the text to find
     * @return this
     */
    public ConversationAssert lastAnswerContains(CharSequence piece) {
        isNotNull();
        List<Message> messages = actual.messages();
        Message last = null;
        for (Message message : messages) {
            if (message.role() == Role.ASSISTANT) {
                last = message;
            }
        }
        if (last == null) {
            failWithMessage("Expected conversation <%s> to hold an answer but it held none: %s", actual.id(),
                    describe(messages));
        }
        else if (!last.text().contains(piece)) {
            failWithMessage("Expected the last answer of conversation <%s> to contain <%s> but it was <%s>",
                    actual.id(), piece, last.text());
        }
        return this;
    }

    /**
     * Checks that the conversation has been closed.
     *
     * @return this
     */
    public ConversationAssert isClosed() {
        isNotNull();
        if (!actual.isClosed()) {
            failWithMessage("Expected conversation <%s> to be closed but it is open", actual.id());
        }
        return this;
    }

    private static List<String> describe(List<Message> messages) {
        return messages.stream().map(m -> m.role().name().toLowerCase() + ": " + m.text()).toList();
    }
}
