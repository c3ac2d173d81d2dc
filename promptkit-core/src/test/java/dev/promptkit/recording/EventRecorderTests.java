/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.event.ConnectionResendEvent;
import dev.promptkit.event.EventBus;
import dev.promptkit.event.StateEvent;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.secret.SecretRedactor;
import dev.promptkit.test.Await;
import dev.promptkit.test.TraceLogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A failing, slow or silent event store never fails or delays a turn; what it loses is counted and logged. */
class EventRecorderTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/tools/tools.pack.json"));
    private static final String SECRET = "sk-storeFailureSecret0123456789";

    @RegisterExtension
    final TraceLogCapture logs = new TraceLogCapture();

    @Test
    void aFailingStoreNeverFailsATurnAndItsDropsAreCountedAndLoggedWithoutSecrets() {
        EventBus bus = EventBus.create();
        EventRecorder recorder = EventRecorder.start(bus, new TestStore(events -> Mono.error(new IllegalStateException(
                "refused, Authorization: Bearer " + SECRET))), EventRecorder.Settings.DEFAULTS);

        try (Conversation chat = open(bus)) {
            assertThat(chat.send("Hi").text()).isEqualTo("Hello there.");
        }

        Await.until("the drops counted", Duration.ofSeconds(30), () -> recorder.droppedEvents() > 0);
        assertThat(recorder.recordedEvents()).isZero();
        assertThat(logs.lines()).filteredOn(line -> line.contains("Session recording dropped")).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("refused").doesNotContain(SECRET));
    }

    @Test
    void aSlowStoreNeverDelaysATurnAndAFullQueueDropsWhatItCannotHold() throws InterruptedException {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestStore store = new TestStore(events -> Mono.fromRunnable(() -> {
            writing.countDown();
            await(release);
        }).subscribeOn(Schedulers.boundedElastic()).then());
        EventBus bus = EventBus.create();
        EventRecorder recorder = EventRecorder.start(bus, store, new EventRecorder.Settings(1, Duration.ofMinutes(1),
                SecretRedactor.NO_KNOWN_SECRETS));

        try (Conversation chat = open(bus)) {
            chat.send("Hi");
            assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(chat.send("Again").text()).as("answered while the store holds its first write")
                    .isEqualTo("Hello again.");
            assertThat(release.getCount()).isOne();
        }
        release.countDown();

        Await.until("the held write done", Duration.ofSeconds(30), () -> recorder.recordedEvents() > 0);
        assertThat(recorder.droppedEvents()).as("two turns' events through a queue of one").isPositive();
        assertThat(store.written).extracting(RecordedEvent::type).first().isEqualTo("pipeline.started");
    }

    @Test
    void aStoreSilentPastTheWriteTimeoutLosesThatBatchOnly() {
        EventBus bus = EventBus.create();
        EventRecorder recorder = EventRecorder.start(bus, new TestStore(events -> Mono.never()),
                new EventRecorder.Settings(100, Duration.ofMillis(200), SecretRedactor.NO_KNOWN_SECRETS));

        try (Conversation chat = open(bus)) {
            assertThat(chat.send("Hi").text()).isEqualTo("Hello there.");
        }

        Await.until("the silent writes counted", Duration.ofSeconds(30), () -> recorder.droppedEvents() >= 5);
        assertThat(logs.lines()).anyMatch(line -> line.contains("took longer than 200 ms"));
    }

    @Test
    void eventsOfNoConversationAreNotRecordedAndCloseStopsListening() {
        EventBus bus = EventBus.create();
        TestStore store = new TestStore(events -> Mono.empty());
        EventRecorder recorder = EventRecorder.start(bus, store);

        bus.publish(new ConnectionResendEvent(Instant.now(), null, "openai"));
        bus.publish(new StateEvent(Instant.now(), "c-1", StateEvent.Kind.SAVED, 2));
        Await.until("the state event recorded", Duration.ofSeconds(30), () -> recorder.recordedEvents() == 1);
        recorder.close();
        bus.publish(new StateEvent(Instant.now(), "c-1", StateEvent.Kind.SAVED, 3));

        assertThat(store.written).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("state.saved");
            assertThat(event.data().get("messages").asInt()).isEqualTo(2);
            assertThat(event.data().get("kind").asString()).isEqualTo("SAVED");
        });
        assertThat(recorder.recordedEvents()).isOne();
    }

    @Test
    void aConversationRecordsItsOwnBusOnlyAndSaysSoWhenGivenASharedOne() {
        ConversationOptions both = ConversationOptions.builder().eventBus(EventBus.create())
                .eventStore(new TestStore(events -> Mono.empty())).provider(MockProvider.builder().build()).build();

        assertThatThrownBy(() -> PromptKit.open(PACK, "assistant", both)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("both an eventBus and an eventStore")
                .hasMessageContaining("EventRecorder.start(bus, store)");
    }

    @Test
    void eachConversationOfAFactoryOnSharedOptionsRecordsItsOwnEvents(@TempDir Path directory) {
        FileEventStore store = new FileEventStore(directory);
        Conversations conversations = Conversations.builder().pack("tools", PACK).options(ConversationOptions.builder()
                .eventStore(store).provider(MockProvider.builder().build()).build()).build();
        Conversation first = conversations.open("assistant");
        Conversation second = conversations.open("assistant");

        first.send("Hi");
        second.send("Hello");
        first.close();
        second.close();

        for (Conversation chat : List.of(first, second)) {
            Await.until("the turn of " + chat.id() + " recorded", Duration.ofSeconds(30), () -> store.read(chat.id())
                    .any(event -> event.type().equals("pipeline.completed")).block());
            assertThat(store.read(chat.id()).collectList().block()).allMatch(event -> event.conversationId()
                    .equals(chat.id())).filteredOn(event -> event.type().equals("pipeline.completed")).hasSize(1);
        }
    }

    private static Conversation open(EventBus bus) {
        return PromptKit.open(PACK, "assistant", ConversationOptions.builder().eventBus(bus)
                .provider(MockProvider.builder().script(MockScript.parse("turns:\n  - \"Hello there.\"\n"
                        + "  - \"Hello again.\"\n")).build()).build());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** A store whose writes do what the test says, keeping what they were given. */
    private static final class TestStore implements EventStore {

        final List<RecordedEvent> written = new CopyOnWriteArrayList<>();
        private final Function<List<RecordedEvent>, Mono<Void>> writes;

        TestStore(Function<List<RecordedEvent>, Mono<Void>> writes) {
            this.writes = writes;
        }

        @Override
        public Mono<Void> append(String conversationId, List<RecordedEvent> events) {
            return writes.apply(events).doOnSuccess(done -> written.addAll(events));
        }

        @Override
        public Flux<RecordedEvent> read(String conversationId) {
            return Flux.fromIterable(written);
        }

        @Override
        public Map<String, Object> describe() {
            return Map.of("type", "test");
        }
    }
}
