/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.event.ConnectionResendEvent;
import dev.promptkit.event.Event;
import dev.promptkit.event.EventBus;
import dev.promptkit.event.StreamRetryEvent;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderFactories;
import dev.promptkit.provider.ProviderHost;
import dev.promptkit.provider.ProviderSpec;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.state.StateStore;
import dev.promptkit.test.http.CloseTiming;
import dev.promptkit.test.http.ConnectionConduct;
import dev.promptkit.test.http.ConnectionEnding;
import dev.promptkit.test.http.LoopbackHttpServer;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Tool-calling conversations, many in a row and many at once, on each real provider over its own wire format,
 * against an upstream that ends kept-alive connections as real servers do (a {@link LoopbackHttpServer}): every
 * conversation completes, its stored history is whole, and every request that met a connection the server had
 * ended was re-sent, once, as the {@link ConnectionResendEvent}s (which the starter's meter counts) say, without
 * a single retry. Providers run on their default settings.
 */
class ConnectionChurnTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/providers/tools.pack.json"));
    private static final int SEQUENTIAL = 8;
    private static final int CONCURRENT = 16;
    private static final int TURNS = 2;
    private static final List<Role> TURN = List.of(Role.USER, Role.ASSISTANT, Role.TOOL, Role.TOOL, Role.ASSISTANT);

    private final EventBus events = EventBus.create();
    private final List<Event> heard = new CopyOnWriteArrayList<>();
    private final StateStore store = new InMemoryStateStore();
    private LoopbackHttpServer upstream;
    private Provider provider;

    static Stream<Arguments> vendorsAndConducts() {
        List<ConnectionConduct> conducts = List.of(
                ConnectionConduct.builder().maxIdleConnections(2).build(),
                ConnectionConduct.builder().maxIdleConnections(2)
                        .ending(ConnectionEnding.CLOSE, CloseTiming.AS_NEXT_REQUEST_ARRIVES).build(),
                ConnectionConduct.builder().idleTimeout(Duration.ofMillis(20)).build(),
                ConnectionConduct.builder().idleTimeout(Duration.ofMillis(1))
                        .ending(ConnectionEnding.RESET, CloseTiming.AS_NEXT_REQUEST_ARRIVES).build(),
                ConnectionConduct.builder().maxRequestsPerConnection(3, true).build(),
                ConnectionConduct.builder().maxRequestsPerConnection(3, false)
                        .ending(ConnectionEnding.CLOSE, CloseTiming.AS_NEXT_REQUEST_ARRIVES).build(),
                ConnectionConduct.builder().drop(3, 2, ConnectionEnding.RESET).build(),
                ConnectionConduct.builder().drop(2, 2, ConnectionEnding.HALF_CLOSE).build());
        return VendorWire.all().stream()
                .flatMap(vendor -> conducts.stream().map(conduct -> Arguments.of(vendor, conduct)));
    }

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("vendorsAndConducts")
    void everyConversationCompletesWithItsHistoryIntact(VendorWire vendor, ConnectionConduct conduct)
            throws Exception {
        upstream = LoopbackHttpServer.start(conduct, vendor::answer);
        events.subscribeSynchronous(heard::add);
        provider = ProviderFactories.discover(ProviderHost.publishingTo(events, WebClient::builder))
                .create(ProviderSpec.of(vendor.type(), "test-key-123", upstream.url(vendor.basePath())));

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SEQUENTIAL; i++) {
            ids.add(converse());
        }
        ExecutorService users = Executors.newFixedThreadPool(CONCURRENT);
        try {
            List<Future<String>> running = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                running.add(users.submit(this::converse));
            }
            for (Future<String> conversation : running) {
                ids.add(conversation.get(60, TimeUnit.SECONDS));
            }
        }
        finally {
            users.shutdownNow();
        }

        for (String id : ids) {
            assertIntact(store.load(id).block(Duration.ofSeconds(5)).messages());
        }
        assertThat(upstream.requestsAnswered()).isEqualTo(ids.size() * TURNS * 2);
        assertThat(heard).as("no retry: every lost request was re-sent at once")
                .noneMatch(StreamRetryEvent.class::isInstance);
        long resends = heard.stream().filter(ConnectionResendEvent.class::isInstance).count();
        assertThat(upstream.requestsDroppedOnReusedConnections()).isEqualTo(upstream.requestsDropped());
        if (conduct.timing() == CloseTiming.AS_NEXT_REQUEST_ARRIVES || conduct.dropEveryNthConnection() > 0) {
            assertThat(resends).as("one re-send for each request the server dropped")
                    .isEqualTo(upstream.requestsDropped());
        }
        else {
            // a close that wins the race is seen by the client alone
            assertThat(resends).isGreaterThanOrEqualTo(upstream.requestsDropped());
        }
        if (conduct.dropEveryNthConnection() > 0 || conduct.timing() == CloseTiming.AS_NEXT_REQUEST_ARRIVES
                && conduct.maxIdleConnections() == 0) {
            assertThat(resends).as("the behaviour was met").isPositive();
        }
    }

    /** One tool-calling conversation of {@link #TURNS} turns; its id. */
    private String converse() {
        String id = "churn-" + UUID.randomUUID();
        try (Conversation chat = PromptKit.open(PACK, "assistant", ConversationOptions.builder().provider(provider)
                .eventBus(events).stateStore(store).conversationId(id).build())) {
            chat.onTool("get_weather", args -> "sunny, 18 C").onTool("get_time", args -> "14:05");
            for (int turn = 0; turn < TURNS; turn++) {
                assertThat(chat.send("What's the weather and the time?").text()).isNotBlank();
            }
            assertIntact(chat.messages());
        }
        return id;
    }

    private static void assertIntact(List<Message> messages) {
        List<Role> expected = new ArrayList<>();
        for (int turn = 0; turn < TURNS; turn++) {
            expected.addAll(TURN);
        }
        assertThat(messages).extracting(Message::role).containsExactlyElementsOf(expected);
        assertThat(messages).filteredOn(message -> message.role() == Role.TOOL)
                .extracting(message -> message.toolResult().content())
                .containsExactly("sunny, 18 C", "14:05", "sunny, 18 C", "14:05");
        assertThat(messages).filteredOn(message -> message.role() == Role.ASSISTANT && !message.hasToolCalls())
                .allSatisfy(message -> assertThat(message.text()).isNotBlank());
    }
}
