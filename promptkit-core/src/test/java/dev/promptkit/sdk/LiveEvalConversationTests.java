/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.promptkit.eval.EvalRegistry;
import dev.promptkit.eval.EvalScore;
import dev.promptkit.eval.LiveEvalSettings;
import dev.promptkit.eval.LiveEvaluator;
import dev.promptkit.event.EvalEvent;
import dev.promptkit.event.EventBus;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.state.StateStore;
import dev.promptkit.state.StoreUnavailableException;
import dev.promptkit.types.Message;
import dev.promptkit.validation.ValidatorRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Live evals of real packs, an eval queue that overflows, a handler that throws and a store that refuses results. */
class LiveEvalConversationTests {

    private final BlockingQueue<EvalEvent> events = new LinkedBlockingQueue<>();
    private final EventBus bus = EventBus.create();
    private final List<LiveEvaluator> evaluators = new ArrayList<>();

    LiveEvalConversationTests() {
        bus.subscribe(EvalEvent.class, events::add);
    }

    @AfterEach
    void close() {
        evaluators.forEach(LiveEvaluator::close);
        bus.close();
    }

    @Test
    void theSharedEvalHooksPackRunsItsThreeEvalsOnEveryTurn() throws InterruptedException {
        Pack pack = PackLoader.loadResource("packs/eval-hooks-assistant.pack.json");
        LiveEvaluator evaluator = evaluator(LiveEvalSettings.DEFAULTS);
        try (Conversation chat = PromptKit.open(pack, "chat", options(evaluator, new InMemoryStateStore(), """
                rules:
                  - match: "json"
                    response: '{"response": "Here you are."}'
                  - match: ".*"
                    response: "I'm sorry, I cannot."
                """))) {
            chat.send("json please");
            List<EvalEvent> first = next(3);
            chat.send("anything");
            List<EvalEvent> second = next(3);

            assertThat(first).extracting(EvalEvent::evalId, EvalEvent::outcome, EvalEvent::packId).containsExactly(
                    tuple("json_format", "passed", "eval-hooks-demo"),
                    tuple("mentions_response_key", "passed", "eval-hooks-demo"),
                    tuple("no_apologies", "passed", "eval-hooks-demo"));
            assertThat(second).extracting(EvalEvent::evalId, EvalEvent::outcome).containsExactly(
                    tuple("json_format", "failed"), tuple("mentions_response_key", "failed"),
                    tuple("no_apologies", "failed"));
            assertThat(evaluator.plan(pack, "chat", ValidatorRegistry.standard()).problems()).isEmpty();
        }
    }

    @Test
    void aPackEvalOfAnUnknownTypeIsReportedAndTheOthersRun() throws InterruptedException {
        Pack pack = LiveEvalContract.pack("""
                [{"id": "judge", "type": "no_such_judge", "trigger": "every_turn"},
                 {"id": "greets", "type": "contains", "trigger": "every_turn", "params": {"patterns": ["Hello"]}}]""");
        LiveEvaluator evaluator = evaluator(LiveEvalSettings.DEFAULTS);
        try (Conversation chat = PromptKit.open(pack, "chat", options(evaluator, new InMemoryStateStore(), """
                defaultResponse: "Hello!"
                """))) {
            chat.send("hi");

            assertThat(next(1)).extracting(EvalEvent::evalId).containsExactly("greets");
            assertThat(evaluator.plan(pack, "chat", ValidatorRegistry.standard()).problems()).singleElement()
                    .asString().contains("pack live /evals/0: eval 'judge' (no_such_judge) cannot run",
                            "unknown eval type 'no_such_judge'");
        }
    }

    @Test
    void anEvalWithAWhenRunsOnlyOnTheTurnsThatMeetItAndABadWhenIsReported() throws InterruptedException {
        Pack pack = PackLoader.load(new java.io.ByteArrayInputStream("""
                {"id": "tools", "name": "tools", "version": "1.0.0",
                 "template_engine": {"version": "v1", "syntax": "{{variable}}"},
                 "prompts": {"chat": {"id": "chat", "name": "chat", "version": "1.0.0", "system_template": "hi",
                                      "tools": ["lookup"]}},
                 "tools": {"lookup": {"name": "lookup", "description": "Looks up",
                                      "parameters": {"type": "object", "properties": {}}}},
                 "evals": [{"id": "after-lookup", "type": "contains", "trigger": "every_turn",
                            "when": {"tool_called": "lookup", "min_tool_calls": 1}, "params": {"patterns": ["Found"]}},
                           {"id": "any-tool", "type": "contains", "trigger": "every_turn",
                            "when": {"tool_called_pattern": "look.*", "any_tool_called": true},
                            "params": {"patterns": ["Found"]}},
                           {"id": "typo", "type": "contains", "trigger": "every_turn",
                            "when": {"tool_caled": "lookup"}, "params": {"patterns": ["Found"]}},
                           {"id": "always", "type": "contains", "trigger": "every_turn",
                            "params": {"patterns": ["Found"]}}]}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "tools.pack.json");
        LiveEvaluator evaluator = evaluator(LiveEvalSettings.DEFAULTS);
        try (Conversation chat = PromptKit.open(pack, "chat", options(evaluator, new InMemoryStateStore(), """
                rules:
                  - match: "look"
                    response:
                      tool_calls: [{name: lookup, arguments: {}}]
                    after_tools: "Found it."
                  - match: ".*"
                    response: "Nothing to look up."
                """))) {
            chat.onTool("lookup", args -> "{}");
            chat.send("just chatting");
            assertThat(next(1)).extracting(EvalEvent::evalId, EvalEvent::outcome)
                    .containsExactly(tuple("always", "failed"));
            chat.send("look it up");

            assertThat(next(3)).extracting(EvalEvent::evalId, EvalEvent::outcome).containsExactly(
                    tuple("after-lookup", "passed"), tuple("any-tool", "passed"), tuple("always", "passed"));
            assertThat(evaluator.plan(pack, "chat", ValidatorRegistry.standard()).problems()).singleElement()
                    .asString().contains("/evals/2", "'when' has unknown key 'tool_caled'", "tool_called_pattern");
        }
    }

    @Test
    void turnsWhoseEvalsFindTheQueueFullAreAnsweredAndTheirEvalsDroppedAndCounted() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Pack pack = LiveEvalContract.pack("""
                [{"id": "slow", "type": "slow", "trigger": "every_turn"}]""");
        LiveEvaluator evaluator = evaluator(LiveEvalSettings.DEFAULTS.withConcurrency(1).withQueueCapacity(1)
                .withRegistry(EvalRegistry.standard(ValidatorRegistry.standard()).register("slow",
                        params -> context -> {
                            await(release);
                            return EvalScore.pass();
                        })));
        try (Conversation chat = PromptKit.open(pack, "chat", options(evaluator, new InMemoryStateStore(), """
                defaultResponse: "Hello!"
                """))) {
            for (int turn = 1; turn <= 4; turn++) {
                assertThat(chat.send("turn " + turn).text()).isEqualTo("Hello!");
            }

            assertThat(evaluator.dropped()).isEqualTo(2);
            release.countDown();
            assertThat(next(2)).extracting(EvalEvent::turn).containsExactly(1L, 2L);
            assertThat(events.poll(200, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void aHandlerThatThrowsIsAnEvalFailedEventWithTheErrorOutcome() throws InterruptedException {
        Pack pack = LiveEvalContract.pack("""
                [{"id": "broken", "type": "broken", "trigger": "every_turn"}]""");
        LiveEvaluator evaluator = evaluator(LiveEvalSettings.DEFAULTS.withRegistry(
                EvalRegistry.standard(ValidatorRegistry.standard()).register("broken", params -> context -> {
                    throw new IllegalStateException("judge unreachable");
                })));
        try (Conversation chat = PromptKit.open(pack, "chat", options(evaluator, new InMemoryStateStore(), """
                defaultResponse: "Hello!"
                """))) {
            chat.send("hi");

            assertThat(next(1)).singleElement().returns("eval.failed", EvalEvent::type)
                    .returns("error", EvalEvent::outcome).returns(0.0, EvalEvent::score)
                    .returns("handler failed: judge unreachable", EvalEvent::message);
            assertThat(chat.evalResults()).singleElement().extracting(stored -> stored.result().outcome())
                    .isEqualTo("error");
        }
    }

    @Test
    void aResultTheStoreRefusesIsCountedAndStillPublishedAndTheConversationGoesOn() throws InterruptedException {
        Pack pack = LiveEvalContract.pack("""
                [{"id": "greets", "type": "contains", "trigger": "every_turn", "params": {"patterns": ["Hello"]}}]""");
        LiveEvaluator evaluator = evaluator(LiveEvalSettings.DEFAULTS);
        StateStore refusing = new MetadataRefusingStore(new InMemoryStateStore());
        try (Conversation chat = PromptKit.open(pack, "chat", options(evaluator, refusing, """
                defaultResponse: "Hello!"
                """))) {
            chat.send("hi");
            assertThat(next(1)).extracting(EvalEvent::outcome).containsExactly("passed");
            chat.send("again");
            next(1);

            assertThat(evaluator.storeFailures()).isEqualTo(2);
            assertThat(chat.messages()).hasSize(4);
            assertThat(chat.evalResults()).isEmpty();
        }
    }

    @Test
    void resultsAreNotStoredWhenTheSettingsSaySo() throws InterruptedException {
        Pack pack = LiveEvalContract.pack("""
                [{"id": "greets", "type": "contains", "trigger": "every_turn", "params": {"patterns": ["Hello"]}}]""");
        LiveEvaluator evaluator = evaluator(LiveEvalSettings.DEFAULTS.withStoreResults(false));
        try (Conversation chat = PromptKit.open(pack, "chat", options(evaluator, new InMemoryStateStore(), """
                defaultResponse: "Hello!"
                """))) {
            chat.send("hi");
            next(1);

            assertThat(chat.evalResults()).isEmpty();
        }
    }

    private LiveEvaluator evaluator(LiveEvalSettings settings) {
        LiveEvaluator evaluator = new LiveEvaluator(settings);
        evaluators.add(evaluator);
        return evaluator;
    }

    private ConversationOptions options(LiveEvaluator evaluator, StateStore store, String script) {
        return ConversationOptions.builder().provider(MockProvider.builder().script(MockScript.parse(script)).build())
                .stateStore(store).eventBus(bus).pipeline(pipeline -> pipeline.withLiveEvals(evaluator)).build();
    }

    private List<EvalEvent> next(int count) throws InterruptedException {
        List<EvalEvent> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EvalEvent event = events.poll(30, TimeUnit.SECONDS);
            assertThat(event).as("eval event %d of %d within 30 s", i + 1, count).isNotNull();
            received.add(event);
        }
        return received;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** A store that keeps turns but refuses writes of metadata alone (where eval results go). */
    private record MetadataRefusingStore(StateStore delegate) implements StateStore {

        @Override
        public Mono<dev.promptkit.state.ConversationState> load(String conversationId) {
            return delegate.load(conversationId);
        }

        @Override
        public Mono<Void> append(String conversationId, List<Message> messages, Map<String, String> metadata,
                long expectedVersion) {
            return messages.isEmpty() ? Mono.error(new StoreUnavailableException("store down", null))
                    : delegate.append(conversationId, messages, metadata, expectedVersion);
        }

        @Override
        public Mono<Void> save(dev.promptkit.state.ConversationState state) {
            return delegate.save(state);
        }

        @Override
        public Mono<Boolean> fork(String sourceId, String targetId) {
            return delegate.fork(sourceId, targetId);
        }

        @Override
        public Mono<Boolean> delete(String conversationId) {
            return delegate.delete(conversationId);
        }
    }
}
