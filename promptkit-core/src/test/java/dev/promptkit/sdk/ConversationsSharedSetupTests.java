/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.event.Event;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.types.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Conversations opened from one {@link Conversations} with its shared options share their setup (pipeline, turn
 * preparer, provider) rather than building it per open; what is each conversation's own must stay its own.
 */
class ConversationsSharedSetupTests {

    private static final String SCRIPT = """
            rules:
              - match: "weather"
                response:
                  tool_calls: [{name: get_weather, arguments: {city: Paris}}]
                after_tools: "Sunny in Paris."
            defaultResponse: "Hello."
            """;

    private final Conversations conversations = Conversations.builder()
            .pack("tools", PackLoader.load(Path.of("src/test/resources/tools/tools.pack.json")))
            .options(ConversationOptions.builder()
                    .provider(MockProvider.builder().script(MockScript.parse(SCRIPT)).build()).build())
            .build();

    @Test
    void eachConversationHearsOnlyItsOwnEventsWhenTheOptionsNameNoBus() {
        Conversation first = conversations.open("assistant");
        Conversation second = conversations.open("assistant");
        List<Event> heardByFirst = new CopyOnWriteArrayList<>();
        first.eventBus().subscribeSynchronous(heardByFirst::add);

        second.send("Hi");
        first.send("Hi");

        assertThat(first.eventBus()).isNotSameAs(second.eventBus());
        assertThat(heardByFirst).isNotEmpty().allMatch(event -> first.id().equals(event.conversationId()));
    }

    @Test
    void conversationsOnOneSetupKeepTheirHistoriesHandlersAndVariablesApart() {
        Conversation paris = conversations.open("assistant");
        Conversation other = conversations.open("assistant");
        paris.onTool("get_weather", args -> "sunny");
        other.onTool("get_weather", args -> "raining");

        paris.send("What is the weather?");
        other.send("Hi");

        assertThat(paris.messages()).extracting(Message::text).last().isEqualTo("Sunny in Paris.");
        assertThat(paris.messages()).anyMatch(message -> message.toolResult() != null
                && message.toolResult().content().contains("sunny"));
        assertThat(other.messages()).extracting(Message::text).containsExactly("Hi", "Hello.");
    }

    @Test
    void aStoredConversationResumesOnTheSharedSetup() {
        Conversation chat = conversations.open("assistant");
        chat.send("Hi");

        Conversation again = conversations.resume(chat.id(), "assistant");
        again.send("Hi again");

        assertThat(again.messages()).extracting(Message::text).containsExactly("Hi", "Hello.", "Hi again", "Hello.");
    }
}
