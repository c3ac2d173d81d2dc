/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.promptkit.event.Event;
import dev.promptkit.event.EventBus;
import dev.promptkit.event.Phase;
import dev.promptkit.event.ProviderCallEvent;
import dev.promptkit.event.StreamRetryEvent;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderFactories;
import dev.promptkit.provider.ProviderHost;
import dev.promptkit.provider.ProviderSpec;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.sdk.ProviderOptions;
import dev.promptkit.sdk.Response;
import dev.promptkit.types.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What a conversation does when its provider fails, on each real provider over its own wire format: a
 * conversation with one stored turn meets a fault on its second turn. Transient failures before the first
 * chunk are retried (a {@code Retry-After} honoured); a failure after chunks reached the caller is never
 * retried. Every failed turn ends in a {@link ProviderException} naming the provider (and the HTTP status
 * where there is one), leaves the stored history exactly as it was, and is published as a failed
 * {@link ProviderCallEvent}, which the Micrometer meters count.
 *
 * <p>Fixtures are the vendors' own, from {@code dev/promptkit/provider/<vendor>/}. Where a vendor has no
 * error body for a status its body for a neighbouring status is sent (Anthropic's 529 "overloaded" body
 * with a 503, Ollama's 503 "busy" body with a 429).
 */
class ProviderFaultTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/providers/tools.pack.json"));
    private static final Path FIXTURES = Path.of("src/test/resources/dev/promptkit/provider");
    private static final Map<String, String> DERIVED_ERROR_BODIES = Map.of("anthropic/503", "529", "ollama/429",
            "503");

    private final MockWebServer server = new MockWebServer();
    private final EventBus events = EventBus.create();
    private final List<Event> heard = new CopyOnWriteArrayList<>();

    private Provider provider;
    private Conversation chat;
    private List<Message> before;

    /**
     * One vendor: where its fixtures are, how it frames streams, where its API lives on the server, and how
     * many events of its text fixture carry the first two text deltas.
     */
    record Vendor(String type, String contentType, String textFixture, String basePath, int textEvents) {

        boolean ndjson() {
            return contentType.equals("application/x-ndjson");
        }

        @Override
        public String toString() {
            return type;
        }
    }

    static Stream<Vendor> vendors() {
        return Stream.of(new Vendor("openai", "text/event-stream", "text.sse", "/v1", 3),
                new Vendor("anthropic", "text/event-stream", "text.sse", "", 5),
                new Vendor("gemini", "text/event-stream", "text.sse", "/v1beta", 2),
                new Vendor("ollama", "application/x-ndjson", "text.ndjson", "", 2));
    }

    @BeforeEach
    void start() throws IOException {
        server.start();
        events.subscribeSynchronous(heard::add);
    }

    @AfterEach
    void stop() {
        if (chat != null) {
            chat.close();
        }
        if (provider != null) {
            provider.close();
        }
        server.close();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void honoursRetryAfterOnA429(Vendor vendor) {
        openWithOneStoredTurn(vendor);
        server.enqueue(error(vendor, 429).newBuilder().setHeader("Retry-After", "1").build());
        server.enqueue(stream(vendor, fixture(vendor, vendor.textFixture())));

        long started = System.nanoTime();
        Response response = chat.send("Again?");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(response.text()).isNotBlank();
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(chat.messages()).hasSize(before.size() + 2).startsWith(before.toArray(Message[]::new));
        assertThat(retries()).singleElement().satisfies(retry -> {
            assertThat(retry.provider()).isEqualTo(vendor.type());
            assertThat(retry.reason()).isEqualTo("HTTP 429");
            assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(1));
        });
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void retriesA500AndA503BeforeTheFirstChunk(Vendor vendor) {
        openWithOneStoredTurn(vendor);
        server.enqueue(error(vendor, 500));
        server.enqueue(error(vendor, 503));
        server.enqueue(stream(vendor, fixture(vendor, vendor.textFixture())));

        Response response = chat.send("Again?");

        assertThat(response.text()).isNotBlank();
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(chat.messages()).hasSize(before.size() + 2);
        assertThat(retries()).extracting(StreamRetryEvent::reason).containsExactly("HTTP 500", "HTTP 503");
        assertThat(failedCalls()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void failsCleanlyWhenEveryAttemptMeetsA503(Vendor vendor) {
        openWithOneStoredTurn(vendor);
        for (int i = 0; i < 3; i++) {
            server.enqueue(error(vendor, 503));
        }
        server.enqueue(stream(vendor, fixture(vendor, vendor.textFixture())));

        ProviderException failure = failedTurn(vendor);

        assertThat(failure.statusCode()).isEqualTo(503);
        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
        assertThat(server.getRequestCount()).as("the first turn, then the first attempt and two retries")
                .isEqualTo(4);
        assertThat(retries()).hasSize(2);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void failsCleanlyWhenEveryAttemptMeetsA500(Vendor vendor) {
        openWithOneStoredTurn(vendor);
        for (int i = 0; i < 3; i++) {
            server.enqueue(error(vendor, 500));
        }

        ProviderException failure = failedTurn(vendor);
        assertThat(failure.statusCode()).isEqualTo(500);
        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void doesNotRetryAStreamCutAfterChunksWereDelivered(Vendor vendor) {
        openWithOneStoredTurn(vendor);
        server.enqueue(stream(vendor, textEvents(vendor)));
        server.enqueue(stream(vendor, fixture(vendor, vendor.textFixture())));

        assertThat(failedTurn(vendor).kind()).as("broken off after the first words")
                .isEqualTo(ProviderException.Kind.INTERRUPTED);

        assertThat(server.getRequestCount()).as("the second response is never asked for").isEqualTo(2);
        assertThat(retries()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void doesNotRetryAConnectionDroppedMidStream(Vendor vendor) {
        openWithOneStoredTurn(vendor);
        String events = textEvents(vendor);
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", vendor.contentType())
                .body(events + events).onResponseBody(new SocketEffect.CloseSocket()).build());
        server.enqueue(stream(vendor, fixture(vendor, vendor.textFixture())));

        assertThat(failedTurn(vendor).kind()).isEqualTo(ProviderException.Kind.INTERRUPTED);

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(retries()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void failsAStalledStreamAfterTheIdleTimeout(Vendor vendor) {
        openWithOneStoredTurn(vendor, Duration.ofMillis(300));
        String events = textEvents(vendor);
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", vendor.contentType())
                .body(events + events).onResponseBody(SocketEffect.Stall.INSTANCE).build());
        server.enqueue(stream(vendor, fixture(vendor, vendor.textFixture())));

        long started = System.nanoTime();
        ProviderException failure = failedTurn(vendor);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(failure).hasMessageContaining("idle timeout");
        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.TIMED_OUT);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void failsOnMalformedEventJson(Vendor vendor) {
        openWithOneStoredTurn(vendor);
        server.enqueue(stream(vendor, fixture(vendor, vendor.ndjson() ? "malformed-line.ndjson" : "malformed-event.sse")));
        server.enqueue(stream(vendor, fixture(vendor, vendor.textFixture())));

        assertThat(failedTurn(vendor).kind()).isEqualTo(ProviderException.Kind.INVALID_RESPONSE);

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void failsOnAnEmpty200Body(Vendor vendor) {
        openWithOneStoredTurn(vendor);
        for (int i = 0; i < 3; i++) {
            server.enqueue(stream(vendor, ""));
        }

        failedTurn(vendor);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void failsOnTheVendorsErrorEventInA200Stream(Vendor vendor) {
        openWithOneStoredTurn(vendor);
        server.enqueue(stream(vendor, fixture(vendor, vendor.ndjson() ? "error-mid-stream.ndjson" : "error-mid-stream.sse")));
        server.enqueue(stream(vendor, fixture(vendor, vendor.textFixture())));

        ProviderException failure = failedTurn(vendor);

        assertThat(failure.retryable()).as("a server error, but chunks had reached the caller").isTrue();
        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.INTERRUPTED);
        assertThat(server.getRequestCount()).as("not retried after chunks were delivered").isEqualTo(2);
        assertThat(retries()).isEmpty();
    }

    private void openWithOneStoredTurn(Vendor vendor) {
        openWithOneStoredTurn(vendor, ProviderOptions.DEFAULT_IDLE_TIMEOUT);
    }

    private void openWithOneStoredTurn(Vendor vendor, Duration idleTimeout) {
        provider = ProviderFactories.discover(ProviderHost.publishingTo(events, WebClient::builder))
                .create(ProviderSpec.of(vendor.type(), "test-key-123", server.url(vendor.basePath()).toString()));
        chat = PromptKit.open(PACK, "assistant", ConversationOptions.builder().provider(provider).eventBus(events)
                .provider(options -> options.withIdleTimeout(idleTimeout)).build());
        server.enqueue(stream(vendor, fixture(vendor, vendor.textFixture())));
        assertThat(chat.send("Hello?").text()).isNotBlank();
        before = chat.messages();
        assertThat(before).hasSize(2);
        heard.clear();
    }

    /** Fails the next turn and checks what every failed turn must leave behind. */
    private ProviderException failedTurn(Vendor vendor) {
        Throwable thrown = catchThrowable(() -> chat.send("Again?"));
        assertThat(thrown).as("the turn's failure").isInstanceOf(ProviderException.class);
        ProviderException failure = (ProviderException) thrown;
        assertThat(failure.provider()).isEqualTo(vendor.type());
        assertThat(failure).hasMessageStartingWith("Provider '" + vendor.type() + "' failed").hasMessageNotContaining(
                "test-key-123");
        assertThat(chat.messages()).as("the stored history is as before the failed turn").isEqualTo(before);
        assertThat(failedCalls()).singleElement().satisfies(event -> {
            assertThat(event.provider()).isEqualTo(vendor.type());
            assertThat(event.error()).isSameAs(failure);
        });
        return failure;
    }

    private List<StreamRetryEvent> retries() {
        return heard.stream().filter(StreamRetryEvent.class::isInstance).map(StreamRetryEvent.class::cast).toList();
    }

    private List<ProviderCallEvent> failedCalls() {
        return heard.stream().filter(ProviderCallEvent.class::isInstance).map(ProviderCallEvent.class::cast)
                .filter(event -> event.phase() == Phase.FAILED).toList();
    }

    private static MockResponse stream(Vendor vendor, String body) {
        return new MockResponse.Builder().addHeader("Content-Type", vendor.contentType()).body(body).build();
    }

    private static MockResponse error(Vendor vendor, int status) {
        String bodyOf = DERIVED_ERROR_BODIES.getOrDefault(vendor.type() + "/" + status, String.valueOf(status));
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(fixture(vendor, "errors/" + bodyOf + ".json")).build();
    }

    private static String fixture(Vendor vendor, String name) {
        try {
            return Files.readString(FIXTURES.resolve(vendor.type()).resolve(name));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The events (lines, for NDJSON) of the text fixture up to its second text delta. */
    private static String textEvents(Vendor vendor) {
        String events = fixture(vendor, vendor.textFixture());
        int count = vendor.textEvents();
        String end = vendor.ndjson() ? "\n" : events.contains("\r\n\r\n") ? "\r\n\r\n" : "\n\n";
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = events.indexOf(end, length) + end.length();
        }
        assertThat(length).as("the fixture has %d events", count).isPositive();
        return events.substring(0, length);
    }
}
