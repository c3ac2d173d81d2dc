/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import dev.promptkit.pack.Eval;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LiveEvaluatorTests {

    private static CompiledEval eval(String id, String trigger, double percent, EvalHandler handler) {
        return new CompiledEval(new Eval(id, null, "t", trigger, percent, true, Map.of(), null, null, null, null, null),
                handler);
    }

    @Test
    void runsEveryTurnEvalsAndSamplesByPercentage() {
        List<String> seen = new ArrayList<>();
        EvalPlan plan = new EvalPlan(List.of(eval("always", "every_turn", 5, c -> EvalScore.pass()),
                eval("sampled", "sample_turns", 30, c -> EvalScore.pass()),
                eval("end", "on_session_complete", 5, c -> EvalScore.pass())), List.of());
        double[] draw = {0.5};
        LiveEvaluator live = new LiveEvaluator(Runnable::run, 1, (p, r) -> seen.add(p + ":" + r.evalId()),
                () -> draw[0]);
        live.onTurn("chat", plan, EvalContext.ofOutput("x"));
        draw[0] = 0.2;
        live.onTurn("chat", plan, EvalContext.ofOutput("x"));
        live.onSessionComplete("chat", plan, EvalContext.ofOutput("x"));
        assertThat(seen).containsExactly("chat:always", "chat:always", "chat:sampled", "chat:end");
    }

    @Test
    void runsOffTheCallerThreadAndDropsWhenSlotsAreBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<EvalResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
        EvalPlan plan = new EvalPlan(List.of(eval("slow", "every_turn", 5, c -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return EvalScore.fail("bad");
        })), List.of());
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            LiveEvaluator live = new LiveEvaluator(executor, 1, (p, r) -> {
                results.add(r);
                done.countDown();
            }, () -> 0);
            live.onTurn("chat", plan, EvalContext.ofOutput("x"));
            live.onTurn("chat", plan, EvalContext.ofOutput("x"));
            assertThat(live.dropped()).isEqualTo(1);
            assertThat(results).isEmpty();
            release.countDown();
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(results).hasSize(1);
            assertThat(results.get(0).passed()).isFalse();
        }
        finally {
            executor.shutdownNow();
        }
    }
}
