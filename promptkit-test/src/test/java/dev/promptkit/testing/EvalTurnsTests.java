/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.eval.EvalContext;
import dev.promptkit.recording.SessionRecording;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalTurnsTests {

    @Test
    void eachUserMessageAndTheAnswersAfterItMakeOneTurn() {
        List<EvalContext> turns = EvalTurns.of(SessionRecording.read(Path.of("src/test/resources/evals/good-session.jsonl")));

        assertThat(turns).hasSize(2);
        EvalContext first = turns.get(0);
        assertThat(first.input()).isEqualTo("Where is my order?");
        assertThat(first.output()).isEqualTo("Your order A-1 arrives on Thursday.");
        assertThat(first.toolCalls()).containsExactly(new EvalContext.ToolCall("lookup_order", Map.of("order_id", "A-1")));
        assertThat(first.latency()).isEqualTo(Duration.ofMillis(1000));
        assertThat(first.cost()).isEqualByComparingTo(new BigDecimal("0.0005"));
        assertThat(first.tokens()).isEqualTo(64);
        assertThat(turns.get(1).output()).isEqualTo("You're welcome.");
        assertThat(turns.get(1).toolCalls()).isEmpty();
    }
}
