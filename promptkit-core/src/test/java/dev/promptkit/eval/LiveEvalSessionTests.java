/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.pack.Pack;
import dev.promptkit.validation.ValidatorRegistry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** Which evals run when, by trigger and sample rate, with a scripted sequence of draws. */
class LiveEvalSessionTests {

    private static final Pack PACK = LiveEvaluatorTests.pack("""
            [{"id": "always", "type": "contains", "trigger": "every_turn", "params": {"patterns": ["a"]}},
             {"id": "step", "type": "contains", "trigger": "on_workflow_step", "params": {"patterns": ["a"]}},
             {"id": "turns", "type": "contains", "trigger": "sample_turns", "sample_percentage": 30,
              "params": {"patterns": ["a"]}},
             {"id": "sessions", "type": "contains", "trigger": "sample_sessions", "sample_percentage": 50,
              "params": {"patterns": ["a"]}},
             {"id": "end", "type": "contains", "trigger": "on_session_complete", "params": {"patterns": ["a"]}},
             {"id": "conversation-end", "type": "contains", "trigger": "on_conversation_complete",
              "params": {"patterns": ["a"]}}]""");

    private final Draws draws = new Draws();

    @Test
    void samplesTurnsByDrawAndSessionsOnceForTheConversation() {
        LiveEvalSession session = session(LiveEvalSettings.DEFAULTS.withRandom(draws));

        draws.next(0.2, 0.4);   // turns: 20 < 30 drawn; sessions: 40 < 50 drawn, for the whole session
        assertThat(ids(session.forTurn())).containsExactly("always", "step", "turns", "sessions");
        draws.next(0.3);        // turns: 30 is not under 30; sessions: not drawn again
        assertThat(ids(session.forTurn())).containsExactly("always", "step", "sessions");
        draws.next(0.0);
        assertThat(ids(session.forTurn())).containsExactly("always", "step", "turns", "sessions");
        assertThat(draws.left()).isZero();
    }

    @Test
    void aSessionNotDrawnStaysUndrawn() {
        LiveEvalSession session = session(LiveEvalSettings.DEFAULTS.withRandom(draws));

        draws.next(0.9, 0.5);
        assertThat(ids(session.forTurn())).containsExactly("always", "step");
        draws.next(0.9);
        assertThat(ids(session.forTurn())).containsExactly("always", "step");
    }

    @Test
    void sessionEndEvalsRunOnlyAtTheEnd() {
        LiveEvalSession session = session(LiveEvalSettings.DEFAULTS.withRandom(draws));

        assertThat(ids(session.atEnd())).containsExactly("end", "conversation-end");
        assertThat(draws.left()).isZero();
    }

    @Test
    void theSettingsSampleRateOverridesThePacks() {
        LiveEvalSession session = session(LiveEvalSettings.DEFAULTS.withRandom(draws).withSamplePercentage(100.0));

        draws.next(0.99, 0.99);
        assertThat(ids(session.forTurn())).containsExactly("always", "step", "turns", "sessions");
        LiveEvalSession never = session(LiveEvalSettings.DEFAULTS.withRandom(draws).withSamplePercentage(0.0));
        draws.next(0.0, 0.0);
        assertThat(ids(never.forTurn())).containsExactly("always", "step");
    }

    private static LiveEvalSession session(LiveEvalSettings settings) {
        try (LiveEvaluator evaluator = new LiveEvaluator(settings)) {
            return evaluator.session(evaluator.plan(PACK, "chat", ValidatorRegistry.standard()));
        }
    }

    private static List<String> ids(List<CompiledEval> evals) {
        return evals.stream().map(eval -> eval.definition().id()).toList();
    }

    /** Draws given in advance; one too many fails the test. */
    private static final class Draws implements DoubleSupplier {

        private final Deque<Double> values = new ArrayDeque<>();

        void next(double... next) {
            for (double value : next) {
                values.add(value);
            }
        }

        int left() {
            return values.size();
        }

        @Override
        public double getAsDouble() {
            assertThat(values).as("a draw was asked for").isNotEmpty();
            return values.poll();
        }
    }
}
