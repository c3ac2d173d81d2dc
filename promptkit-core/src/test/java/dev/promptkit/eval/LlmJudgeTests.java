/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import dev.promptkit.event.EventBus;
import dev.promptkit.event.Phase;
import dev.promptkit.event.ProviderCallEvent;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.ForwardingProvider;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.types.ResponseFormat;
import dev.promptkit.validation.ValidatorRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class LlmJudgeTests {

    private final EventBus bus = EventBus.create();
    private final List<ProviderCallEvent> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeBus() {
        bus.close();
    }

    /** A pack whose prompt {@code chat} has one eval: {@code evalJson}. */
    private static Pack pack(String evalJson) {
        String json = """
                {"id": "judge-test", "name": "Judge test", "version": "1.0.0",
                 "template_engine": {"version": "v1", "syntax": "{{variable}}"},
                 "prompts": {"chat": {"id": "chat", "name": "Chat", "version": "1.0.0", "system_template": "Hi.",
                   "evals": [%s]}}}
                """.formatted(evalJson);
        return PackLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "judge-test");
    }

    private static final String POLITE = """
            {"id": "polite", "type": "llm_judge", "trigger": "every_turn",
             "params": {"criteria": "The answer is polite", "rubric": "1 polite, 0 rude"},
             "threshold": {"operator": "gte", "value": 0.7}}
            """;

    private CapturingProvider judge(String answer) {
        return new CapturingProvider(MockProvider.builder()
                .script(MockScript.parse("defaultResponse: '" + answer.replace("'", "''") + "'")).build());
    }

    private CompiledEval compile(Provider judge, String evalJson) {
        bus.subscribeSynchronous(event -> {
            if (event instanceof ProviderCallEvent call) {
                calls.add(call);
            }
        });
        EvalPlan plan = EvalRegistry.standard(ValidatorRegistry.standard())
                .judge(JudgeSettings.of(judge).withModel("judge-model").withEvents(bus)).compile(pack(evalJson), "chat");
        assertThat(plan.warnings()).isEmpty();
        return plan.evals().get(0);
    }

    @Test
    void scoresWithTheJudgesStructuredVerdictAndCountsItsCost() {
        CapturingProvider judge = judge("{\"score\": 0.9, \"reasoning\": \"Courteous throughout.\"}");
        EvalResult result = compile(judge, POLITE).run(new EvalContext("Where is my order?", "It ships today, thanks!",
                List.of(), Duration.ZERO, BigDecimal.ZERO, 0));

        assertThat(result.score()).isEqualTo(0.9);
        assertThat(result.passed()).isTrue();
        assertThat(result.message()).isEqualTo("Courteous throughout.");
        assertThat(result.cost()).isPositive();

        ProviderRequest request = judge.requests.get(0);
        assertThat(request.model()).isEqualTo("judge-model");
        assertThat(request.responseFormat().type()).isEqualTo(ResponseFormat.Type.JSON_SCHEMA);
        assertThat(request.responseFormat().schema().get("required").toString()).contains("score", "reasoning");
        assertThat(request.messages().get(0).text()).contains("Where is my order?", "It ships today, thanks!",
                "Criteria: The answer is polite", "Rubric: 1 polite, 0 rude");

        assertThat(calls).extracting(ProviderCallEvent::phase).containsExactly(Phase.STARTED, Phase.COMPLETED);
        ProviderCallEvent completed = calls.get(1);
        assertThat(completed.promptName()).isEqualTo("llm_judge");
        assertThat(completed.model()).isEqualTo("judge-model");
        assertThat(completed.cost().totalCostUsd()).isEqualByComparingTo(result.cost());
    }

    @Test
    void aLowScoreFailsTheThreshold() {
        EvalResult result = compile(judge("```json\n{\"score\": 0.2, \"reasoning\": \"Curt.\"}\n```"), POLITE)
                .run(EvalContext.ofOutput("No."));
        assertThat(result.score()).isEqualTo(0.2);
        assertThat(result.passed()).isFalse();
        assertThat(result.message()).isEqualTo("Curt.");
    }

    @Test
    void unusableVerdictsFailNamingTheJudgeAndItsAnswer() {
        assertThat(compile(judge("I think it is fine."), POLITE).run(EvalContext.ofOutput("ok")).message())
                .contains("The judge mock/judge-model answered with no JSON object")
                .contains("I think it is fine.");
        assertThat(compile(judge("{\"score\": 7, \"reasoning\": \"out of ten\"}"), POLITE)
                .run(EvalContext.ofOutput("ok"))).satisfies(result -> {
                    assertThat(result.passed()).isFalse();
                    assertThat(result.message()).contains("'score' 7.0 outside 0 to 1").contains("out of ten");
                });
        assertThat(compile(judge("{\"verdict\": \"good\"}"), POLITE).run(EvalContext.ofOutput("ok")).message())
                .contains("no numeric 'score'").contains("{\"verdict\": \"good\"}");
        assertThat(compile(judge("{\"score\": 0.5,"), POLITE).run(EvalContext.ofOutput("ok")).message())
                .contains("no JSON object");
    }

    @Test
    void aFailingJudgeCallIsReportedAndPublished() {
        Provider broken = new ForwardingProvider(MockProvider.builder().build()) {
            @Override
            public Flux<ProviderChunk> stream(ProviderRequest request) {
                return Flux.error(new IllegalStateException("judge service down"));
            }
        };
        EvalResult result = compile(broken, POLITE).run(EvalContext.ofOutput("ok"));
        assertThat(result.passed()).isFalse();
        assertThat(result.message()).contains("The judge mock/judge-model failed: judge service down");
        assertThat(calls).extracting(ProviderCallEvent::phase).containsExactly(Phase.STARTED, Phase.FAILED);
    }

    @Test
    void withoutAJudgeTheEvalIsAWarningNamingWhatToSet() {
        EvalPlan plan = EvalRegistry.standard(ValidatorRegistry.standard()).compile(pack(POLITE), "chat");
        assertThat(plan.evals()).isEmpty();
        assertThat(plan.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.source()).isEqualTo("pack judge-test");
            assertThat(warning.pointer()).isEqualTo("/prompts/chat/evals/0");
            assertThat(warning.message()).contains("llm_judge needs a judge model")
                    .contains("promptkit.eval.judge.provider");
        });
    }

    @Test
    void theCriteriaAreRequired() {
        EvalPlan plan = EvalRegistry.standard(ValidatorRegistry.standard()).judge(JudgeSettings.of(judge("{}")))
                .compile(pack("""
                        {"id": "vague", "type": "llm_judge", "trigger": "every_turn", "params": {"rubrik": "x"}}
                        """), "chat");
        assertThat(plan.warnings()).singleElement().asString().contains("/prompts/chat/evals/0")
                .contains("'criteria'");
    }

    /** Records each request before the mock answers it. */
    static final class CapturingProvider extends ForwardingProvider {

        final List<ProviderRequest> requests = new CopyOnWriteArrayList<>();

        CapturingProvider(Provider delegate) {
            super(delegate);
        }

        @Override
        public Flux<ProviderChunk> stream(ProviderRequest request) {
            requests.add(request);
            return super.stream(request);
        }
    }
}
