/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs {@link PromptEval} fixtures on the JUnit Platform, as a build would, and checks what it reports. */
class PromptEvalExtensionTests {

    private static final String PACK = "evals/support-evals.pack.json";

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
    }

    @Test
    void aRecordingThatMeetsEveryThresholdPassesAndTheMethodSeesTheReport() {
        GoodRecording.reports.clear();

        Events tests = run(GoodRecording.class);

        assertThat(tests.succeeded().count()).isEqualTo(1);
        assertThat(GoodRecording.reports).singleElement().satisfies(report -> assertThat(report.scores())
                .extracting(EvalReport.Score::evalId, EvalReport.Score::mean)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("no_pii", 1.0),
                        org.assertj.core.groups.Tuple.tuple("mentions_order", 0.5)));
    }

    @Test
    void aRegressionInARecordingFailsTheTestWithAReadableReport() {
        Events tests = run(LeakyRecording.class);

        tests.assertThatEvents().haveExactly(1, event(test("answersStayPrivate"), finishedWithFailure(
                instanceOf(AssertionError.class),
                message(m -> m.startsWith("evals under their threshold: no_pii scored 0.00")
                        && m.contains("FAIL no_pii: mean 0.00, needs 1 (a full score)")
                        && m.contains("turn 1 \"Who handles my order?\": score 0.0, PII found: email")
                        && m.contains("turn 2 \"And by phone?\": score 0.0, PII found: phone")
                        && m.contains("pass mentions_order: mean 1.00, needs gte 0.5")))));
    }

    @Test
    void scriptedInputsAreAnsweredByTheMockAndScored() {
        assertThat(run(ScriptedPass.class).succeeded().count()).isEqualTo(1);

        run(ScriptedRegression.class).assertThatEvents().haveExactly(1, event(test("staysOnTopic"),
                finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.startsWith(
                        "evals under their threshold: mentions_order scored 0.00")
                        && m.contains("turn 1 \"Hello\": score 0.0, The text lacks: order")))));
    }

    @Test
    void withoutTurnsTheTestFailsSayingWhatToGive() {
        run(NoTurns.class).assertThatEvents().haveExactly(1, event(test("scoresNothing"), finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class),
                message(m -> m.contains("has no turns to score: give recordings, or a script and inputs")))));
    }

    static class GoodRecording {

        static final List<EvalReport> reports = new CopyOnWriteArrayList<>();

        @Test
        @PromptEval(pack = PACK, prompt = "support", recordings = "evals/good-session.jsonl")
        void answersStayPrivate(EvalReport report) {
            reports.add(report);
        }
    }

    static class LeakyRecording {

        @Test
        @PromptEval(pack = PACK, prompt = "support", recordings = "evals/leaky-session.jsonl")
        void answersStayPrivate() {
        }
    }

    @PromptEval(pack = PACK, prompt = "support", script = "evals/support-script.yaml",
            inputs = {"Where is my order?", "Hello"})
    static class ScriptedPass {

        @Test
        void staysOnTopic() {
        }
    }

    @PromptEval(pack = PACK, prompt = "support", script = "evals/support-script.yaml", inputs = {"Hello", "Hi again"})
    static class ScriptedRegression {

        @Test
        void staysOnTopic() {
        }
    }

    static class NoTurns {

        @Test
        @PromptEval(pack = PACK, prompt = "support")
        void scoresNothing() {
        }
    }
}
