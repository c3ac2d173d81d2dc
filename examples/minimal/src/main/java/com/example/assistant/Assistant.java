package com.example.assistant;

import dev.promptkit.sdk.Conversation;
import dev.promptkit.spring.PromptConversation;
import org.springframework.stereotype.Service;

@Service
class Assistant {

    private final Conversation chat;

    Assistant(@PromptConversation("chat") Conversation chat) {
        this.chat = chat;
    }

    String ask(String question) {
        return chat.send(question).text();
    }
}
