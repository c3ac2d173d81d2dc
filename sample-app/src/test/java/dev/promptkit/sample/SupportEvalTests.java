/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.testing.EvalReport;
import dev.promptkit.testing.PromptEval;
import org.junit.jupiter.api.Test;

/**
 * Offline evals in the build: the evals the sample's pack declares for its support prompt, scored over a recorded
 * support session. A prompt or model change that drops a score under its threshold fails {@code mvn verify}.
 */
class SupportEvalTests {

    @Test
    @PromptEval(pack = "packs/support.pack.json", prompt = "support", recordings = "evals/support-session.jsonl")
    void aRecordedSupportSessionMeetsThePacksEvals(EvalReport report) {
        assertThat(report.scores()).extracting(EvalReport.Score::evalId)
                .containsExactly("no-card-numbers", "brief", "order-lookup-used");
    }
}
