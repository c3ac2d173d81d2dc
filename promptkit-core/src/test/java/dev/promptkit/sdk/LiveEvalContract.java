/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.promptkit.state.ConversationState;
import dev.promptkit.state.StateStore;
import dev.promptkit.validation.ValidatorRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Live evals run after the turns, off the response path, and their results are stored beside the turns without
 * getting in the way of the next turn: the same for every state store.
 */
abstract class LiveEvalContract {

    static final Pack PACK = pack("""
            [{"id": "greets", "type": "contains", "trigger": "every_turn", "params": {"patterns": ["Hello"]}},
             {"id": "slow", "type": "slow", "trigger": "every_turn"},
             {"id": "whole", "type": "contains", "trigger": "on_session_complete",
              "params": {"patterns": ["Hello", "Goodbye"]}}]""");

    private final CountDownLatch release = new CountDownLatch(1);
    private final BlockingQueue<EvalEvent> events = new LinkedBlockingQueue<>();
    private final EventBus bus = EventBus.create();
    private final LiveEvaluator evaluator = new LiveEvaluator(LiveEvalSettings.DEFAULTS.withConcurrency(1)
            .withRegistry(EvalRegistry.standard(ValidatorRegistry.standard()).register("slow", params -> context -> {
                awaitRelease();
                return new EvalScore(0.5, "slow but fair");
            })));

    abstract StateStore stateStore();

    @AfterEach
    void close() {
        release.countDown();
        evaluator.close();
        bus.close();
    }

    @Test
    void theAnswerIsReturnedWhileASlowEvalStillRunsAndItsResultIsStoredWithTheTurnAfterwards()
            throws InterruptedException {
        bus.subscribe(EvalEvent.class, events::add);
        try (Conversation chat = open()) {
            Response answer = chat.send("hi");

            assertThat(answer.text()).isEqualTo("Hello there!");
            assertThat(next().evalId()).isEqualTo("greets");
            assertThat(events.poll(200, TimeUnit.MILLISECONDS)).as("the slow eval is still running").isNull();
            assertThat(chat.evalResults()).extracting(stored -> stored.result().evalId()).containsExactly("greets");

            release.countDown();
            EvalEvent slow = next();

            assertThat(slow).returns("slow", EvalEvent::evalId).returns(0.5, EvalEvent::score)
                    .returns("failed", EvalEvent::outcome).returns("eval.completed", EvalEvent::type)
                    .returns(1L, EvalEvent::turn).returns("live", EvalEvent::packId)
                    .returns("chat", EvalEvent::promptName).returns(chat.id(), EvalEvent::conversationId);
            assertThat(chat.evalResults()).extracting(stored -> stored.turn(), stored -> stored.result().evalId(),
                    stored -> stored.result().outcome(), stored -> stored.result().score(), StoredEvalResult::trigger)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "greets", "passed", 1.0, "every_turn"),
                            org.assertj.core.groups.Tuple.tuple(1L, "slow", "failed", 0.5, "every_turn"));
            assertThat(chat.evalResults().get(1).result().message()).isEqualTo("slow but fair");
        }
    }

    @Test
    void aResultStoredAfterTheNextTurnNeitherConflictsWithItNorWithTheOneAfter() throws InterruptedException {
        bus.subscribe(EvalEvent.class, events::add);
        try (Conversation chat = open()) {
            chat.send("hi");
            chat.send("bye");           // turn 1's slow eval still holds the only thread
            release.countDown();
            for (int i = 0; i < 4; i++) {
                next();
            }
            chat.send("hi again");

            ConversationState state = stateStore().load(chat.id()).block();
            assertThat(state.version()).isEqualTo(3);
            assertThat(state.messages()).hasSize(6);
            assertThat(chat.evalResults()).extracting(StoredEvalResult::turn, stored -> stored.result().evalId(),
                    stored -> stored.result().outcome()).startsWith(
                            org.assertj.core.groups.Tuple.tuple(1L, "greets", "passed"),
                            org.assertj.core.groups.Tuple.tuple(1L, "slow", "failed"),
                            org.assertj.core.groups.Tuple.tuple(2L, "greets", "failed"),
                            org.assertj.core.groups.Tuple.tuple(2L, "slow", "failed"));
        }
    }

    @Test
    void sessionEndEvalsJudgeTheWholeStoredConversationWhenItCloses() throws InterruptedException {
        release.countDown();
        bus.subscribe(EvalEvent.class, events::add);
        Conversation chat = open();
        chat.send("hi");
        chat.send("bye");
        for (int i = 0; i < 4; i++) {
            assertThat(next().trigger()).isEqualTo("every_turn");
        }

        chat.close();

        EvalEvent whole = next();
        assertThat(whole).returns("whole", EvalEvent::evalId).returns(0L, EvalEvent::turn)
                .returns("passed", EvalEvent::outcome).returns("on_session_complete", EvalEvent::trigger);
        try (Conversation again = PromptKit.resume(chat.id(), PACK, "chat", options())) {
            assertThat(again.evalResults()).filteredOn(stored -> stored.turn() == 0)
                    .extracting(stored -> stored.result().evalId()).containsExactly("whole");
        }
        assertThat(events.poll(200, TimeUnit.MILLISECONDS)).as("a conversation without turns has no session end")
                .isNull();
    }

    private Conversation open() {
        return PromptKit.open(PACK, "chat", options());
    }

    private ConversationOptions options() {
        return ConversationOptions.builder().provider(MockProvider.builder().script(MockScript.parse("""
                rules:
                  - match: "bye"
                    response: "Goodbye!"
                  - match: "hi"
                    response: "Hello there!"
                """)).build()).stateStore(stateStore()).conversationId("live-eval-" + UUID.randomUUID())
                .eventBus(bus).pipeline(pipeline -> pipeline.withLiveEvals(evaluator)).build();
    }

    private EvalEvent next() throws InterruptedException {
        EvalEvent event = events.poll(30, TimeUnit.SECONDS);
        assertThat(event).as("an eval event within 30 s").isNotNull();
        return event;
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    static Pack pack(String evals) {
        String json = """
                {"id": "live", "name": "live", "version": "1.0.0",
                 "template_engine": {"version": "v1", "syntax": "{{variable}}"},
                 "prompts": {"chat": {"id": "chat", "name": "chat", "version": "1.0.0", "system_template": "hi"}},
                 "evals": %s}
                """.formatted(evals);
        return PackLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "live.pack.json");
    }
}
