/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.event.Event;
import dev.promptkit.event.EventBus;
import dev.promptkit.event.EventHooks;
import dev.promptkit.event.MessageCreatedEvent;
import dev.promptkit.event.Phase;
import dev.promptkit.event.PipelineEvent;
import dev.promptkit.event.StreamInterruptedEvent;
import dev.promptkit.event.ProviderCallEvent;
import dev.promptkit.event.ToolCallEvent;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.types.Role;
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
                "pipeline.started", "message.created", "provider.call.started", "provider.call.completed",
                "message.created", "tool.call.started", "tool.call.completed", "message.created",
                "provider.call.started", "provider.call.completed", "message.created", "state.saved",
                "pipeline.completed",
                "pipeline.started", "state.loaded", "message.created", "provider.call.started",
                "provider.call.completed", "message.created", "state.saved", "pipeline.completed");
        assertThat(events).filteredOn(MessageCreatedEvent.class::isInstance)
                .extracting(event -> ((MessageCreatedEvent) event).message().role())
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT, Role.USER, Role.ASSISTANT);
        assertThat(events).allMatch(e -> chat.id().equals(e.conversationId()));
        ProviderCallEvent completed = (ProviderCallEvent) events.get(3);
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

    @Test
    void onPipelineCompleteHearsEachCompletedTurnAndACancelledStreamIsInterrupted() throws InterruptedException {
        EventBus bus = EventBus.create();
        List<Event> events = new CopyOnWriteArrayList<>();
        bus.subscribeSynchronous(events::add);
        CountDownLatch completed = new CountDownLatch(1);
        List<PipelineEvent> completions = new CopyOnWriteArrayList<>();
        EventHooks.onPipelineComplete(bus, event -> {
            completions.add(event);
            completed.countDown();
        });
        Conversation chat = PromptKit.open(PackLoader.load(Path.of("src/test/resources/tools/tools.pack.json")),
                "assistant", ConversationOptions.builder().eventBus(bus).provider(MockProvider.builder()
                        .script(MockScript.parse("turns:\n  - \"One two three four five.\"\n")).build()).build());

        chat.stream("Count").take(1).blockLast();
        chat.send("Count again");

        assertThat(events).extracting(Event::type).contains("stream.interrupted");
        assertThat(events).filteredOn(StreamInterruptedEvent.class::isInstance).singleElement()
                .satisfies(event -> assertThat(event.conversationId()).isEqualTo(chat.id()));
        assertThat(completed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(completions).singleElement().satisfies(event -> {
            assertThat(event.phase()).isEqualTo(Phase.COMPLETED);
            assertThat(event.duration()).isNotNull();
        });
    }
}
