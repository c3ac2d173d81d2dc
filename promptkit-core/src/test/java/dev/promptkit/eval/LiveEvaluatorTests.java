/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.validation.ValidatorRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LiveEvaluatorTests {

    @Test
    void aFullQueueDropsAndCountsTheRunInsteadOfWaiting() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(2);
        List<String> ran = new CopyOnWriteArrayList<>();
        try (LiveEvaluator evaluator = new LiveEvaluator(LiveEvalSettings.DEFAULTS.withConcurrency(1)
                .withQueueCapacity(1))) {
            assertThat(evaluator.submit(() -> {
                started.countDown();
                await(release);
                ran.add("first");
                finished.countDown();
            })).isTrue();
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(evaluator.submit(() -> {
                ran.add("queued");
                finished.countDown();
            })).isTrue();
            assertThat(evaluator.queued()).isEqualTo(1);

            assertThat(evaluator.submit(() -> ran.add("dropped"))).isFalse();

            assertThat(evaluator.dropped()).isEqualTo(1);
            release.countDown();
            assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).containsExactly("first", "queued");
        }
    }

    @Test
    void aClosedEvaluatorDropsRuns() {
        LiveEvaluator evaluator = new LiveEvaluator(LiveEvalSettings.DEFAULTS);
        evaluator.close();

        assertThat(evaluator.submit(() -> { })).isFalse();
        assertThat(evaluator.dropped()).isEqualTo(1);
    }

    @Test
    void aRunThatThrowsDoesNotStopTheThreads() throws InterruptedException {
        CountDownLatch after = new CountDownLatch(1);
        try (LiveEvaluator evaluator = new LiveEvaluator(LiveEvalSettings.DEFAULTS.withConcurrency(1))) {
            evaluator.submit(() -> {
                throw new IllegalStateException("boom");
            });
            evaluator.submit(after::countDown);

            assertThat(after.await(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void compilesAPromptsEvalsOnceAndReportsUnknownTriggersAndTypes() {
        Pack pack = pack("""
                [{"id": "typo", "type": "contains", "trigger": "every_tunr", "params": {"patterns": ["a"]}},
                 {"id": "unknown", "type": "no_such_handler", "trigger": "every_turn"},
                 {"id": "ok", "type": "contains", "trigger": "every_turn", "params": {"patterns": ["a"]}}]""");
        try (LiveEvaluator evaluator = new LiveEvaluator(LiveEvalSettings.DEFAULTS)) {
            EvalPlan plan = evaluator.plan(pack, "chat", ValidatorRegistry.standard());

            assertThat(plan).isSameAs(evaluator.plan(pack, "chat", ValidatorRegistry.standard()));
            assertThat(plan.evals()).extracting(eval -> eval.definition().id()).containsExactly("ok");
            assertThat(plan.problems()).hasSize(2);
            assertThat(plan.problems().get(0)).contains("/evals/0", "unknown trigger 'every_tunr'", "every_turn",
                    "on_session_complete", "on_conversation_complete", "on_workflow_step", "sample_turns",
                    "sample_sessions");
            assertThat(plan.problems().get(1)).contains("/evals/1", "unknown eval type 'no_such_handler'");
        }
    }

    @Test
    void usesTheRegistryOfTheSettings() {
        Pack pack = pack("""
                [{"id": "tone", "type": "tone", "trigger": "every_turn"}]""");
        EvalRegistry registry = EvalRegistry.standard(ValidatorRegistry.standard())
                .register("tone", params -> context -> new EvalScore(0.75, "polite enough"));
        try (LiveEvaluator evaluator = new LiveEvaluator(LiveEvalSettings.DEFAULTS.withRegistry(registry))) {
            EvalPlan plan = evaluator.plan(pack, "chat", ValidatorRegistry.standard());

            assertThat(plan.runAll(EvalContext.ofOutput("x"))).singleElement()
                    .returns(0.75, EvalResult::score).returns("polite enough", EvalResult::message);
        }
    }

    @Test
    void settingsRejectWhatCannotWork() {
        assertThatIllegalArgumentException().isThrownBy(() -> LiveEvalSettings.DEFAULTS.withConcurrency(0))
                .withMessageContaining("concurrency must be at least 1, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> LiveEvalSettings.DEFAULTS.withQueueCapacity(-1))
                .withMessageContaining("queue capacity must not be negative, was -1");
        assertThatIllegalArgumentException().isThrownBy(() -> LiveEvalSettings.DEFAULTS.withSamplePercentage(101.0))
                .withMessageContaining("between 0 and 100, was 101.0");
    }

    static Pack pack(String evals) {
        String json = """
                {"id": "e", "name": "e", "version": "1.0.0", "template_engine": {"version": "v1", "syntax": "{{variable}}"},
                 "prompts": {"chat": {"id": "chat", "name": "chat", "version": "1.0.0", "system_template": "hi"}},
                 "evals": %s}
                """.formatted(evals);
        return PackLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.pack.json");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
