/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.testing;

import dev.promptkit.eval.EvalContext;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvalRunnerTests {

    private static final Pack PACK = PackLoader.load(new ByteArrayInputStream("""
            {"id": "e", "name": "e", "version": "1.0.0", "template_engine": {"version": "v1", "syntax": "{{variable}}"},
             "prompts": {"chat": {"id": "chat", "name": "chat", "version": "1.0.0", "system_template": "hi",
               "evals": [{"id": "polite", "type": "contains", "trigger": "every_turn",
                          "params": {"patterns": ["please"]}, "threshold": {"operator": "gte", "value": 0.75}}]}}}
            """.getBytes(StandardCharsets.UTF_8)), "e.pack.json");

    @Test
    void passesWhenTheMeanScoreMeetsTheThreshold() {
        EvalReport report = EvalRunner.forPrompt(PACK, "chat").run(turns("please a", "please b", "please c", "no"));
        assertThat(report.scores()).singleElement().satisfies(score -> assertThat(score.mean()).isEqualTo(0.75));
        assertThat(report.assertPassed().passed()).isTrue();
    }

    @Test
    void reportsARegressionUnderTheThreshold() {
        EvalReport report = EvalRunner.forPrompt(PACK, "chat").run(turns("please a", "b", "c", "no"));
        assertThat(report.passed()).isFalse();
        assertThatThrownBy(report::assertPassed).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("evals under their threshold: polite scored 0.25")
                .hasMessageContaining("FAIL polite: mean 0.25, needs gte 0.75")
                .hasMessageContaining("turn 2: score 0.0, The text lacks: please")
                .hasMessageNotContaining("turn 1 ");
    }

    private static List<EvalContext> turns(String... outputs) {
        return java.util.Arrays.stream(outputs).map(EvalContext::ofOutput).toList();
    }
}
