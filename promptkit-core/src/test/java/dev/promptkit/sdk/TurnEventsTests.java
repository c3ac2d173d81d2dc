/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.event.Event;
import dev.promptkit.event.EventBus;
import dev.promptkit.event.EventHooks;
import dev.promptkit.event.ProviderCallEvent;
import dev.promptkit.event.ToolCallEvent;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.state.InMemoryStateStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TurnEventsTests {

    private static final String SCRIPT = """
            turns:
              - type: tool_calls
                tool_calls: [{name: get_weather, arguments: {city: Paris}}]
              - "Sunny."
            """;

    @Test
    void aToolCallingTurnPublishesItsEventsInOrder() throws InterruptedException {
        EventBus bus = EventBus.create();
        List<Event> events = new CopyOnWriteArrayList<>();
        bus.subscribeSynchronous(events::add);
        List<ToolCallEvent> finishedTools = new CopyOnWriteArrayList<>();
        CountDownLatch toolHeard = new CountDownLatch(1);
        EventHooks.onToolCall(bus, event -> {
            finishedTools.add(event);
            toolHeard.countDown();
        });
        InMemoryStateStore store = new InMemoryStateStore();
        Conversation chat = PromptKit.open(PackLoader.load(Path.of("src/test/resources/tools/tools.pack.json")),
                "assistant", ConversationOptions.builder().eventBus(bus).stateStore(store)
                        .provider(MockProvider.builder().script(MockScript.parse(SCRIPT)).build()).build());
        chat.onTool("get_weather", args -> "sunny");

        chat.send("Weather?");
        chat.send("Again?");

        assertThat(events).extracting(Event::type).containsExactly(
                "pipeline.started", "provider.call.started", "provider.call.completed", "tool.call.started",
                "tool.call.completed", "provider.call.started", "provider.call.completed", "state.saved",
                "pipeline.completed",
                "pipeline.started", "state.loaded", "provider.call.started", "provider.call.completed", "state.saved",
                "pipeline.completed");
        assertThat(events).allMatch(e -> chat.id().equals(e.conversationId()));
        ProviderCallEvent completed = (ProviderCallEvent) events.get(2);
        assertThat(completed.provider()).isEqualTo("mock");
        assertThat(completed.promptName()).isEqualTo("assistant");
        assertThat(completed.cost().totalCostUsd()).isPositive();
        assertThat(completed.firstChunk()).isNotNull().isLessThanOrEqualTo(completed.duration());
        assertThat(toolHeard.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(finishedTools).singleElement().extracting(ToolCallEvent::toolName).isEqualTo("get_weather");
        assertThat(chat.eventBus()).isSameAs(bus);
    }

    @Test
    void aFailedTurnPublishesTheFailureWithItsError() {
        EventBus bus = EventBus.create();
        List<Event> events = new CopyOnWriteArrayList<>();
        bus.subscribeSynchronous(events::add);
        Conversation chat = PromptKit.open(PackLoader.load(Path.of("src/test/resources/sdk/assistant.pack.json")),
                "chat", ConversationOptions.builder().eventBus(bus).provider(MockProvider.builder().build()).build());

        try {
            chat.send("no user_name set");
        }
        catch (RuntimeException expected) {
            // the required variable is missing
        }

        assertThat(events).extracting(Event::type).containsExactly("pipeline.started", "pipeline.failed");
        assertThat(((dev.promptkit.event.PipelineEvent) events.get(1)).error()).hasMessageContaining("user_name");
    }
}
