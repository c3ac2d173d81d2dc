package dev.promptkit.autoconfigure;

import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.spring.PromptConversation;
import org.springframework.beans.factory.InjectionPoint;

/** Opens the conversation an injection point asks for with {@link PromptConversation}. */
final class PromptConversationInjection {

    private final Conversations conversations;

    PromptConversationInjection(Conversations conversations) {
        this.conversations = conversations;
    }

    Conversation open(InjectionPoint injectionPoint) {
        PromptConversation wanted = injectionPoint == null ? null : injectionPoint.getAnnotation(PromptConversation.class);
        if (wanted == null) {
            throw new IllegalStateException("Inject a Conversation with @PromptConversation(\"<prompt>\") to say"
                    + " which prompt it runs" + (injectionPoint == null ? "" : " (at " + injectionPoint + ")"));
        }
        return wanted.pack().isEmpty() ? conversations.open(wanted.value())
                : conversations.open(wanted.pack(), wanted.value());
    }
}
