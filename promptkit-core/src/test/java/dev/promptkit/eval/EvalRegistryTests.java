/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.validation.ValidatorRegistry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EvalRegistryTests {

    private final EvalRegistry registry = EvalRegistry.standard(ValidatorRegistry.standard());

    @Test
    void sharedEvalPackRunsItsEvals() {
        Pack pack = PackLoader.loadResource("packs/eval-hooks-assistant.pack.json");
        String prompt = pack.prompts().keySet().iterator().next();
        EvalPlan plan = registry.compile(pack, prompt);
        assertThat(plan.problems()).isEmpty();
        List<EvalResult> good = plan.runAll(EvalContext.ofOutput("{\"response\": \"hi\"}"));
        assertThat(good).extracting(EvalResult::passed).containsExactly(true, true, true);
        List<EvalResult> bad = plan.runAll(EvalContext.ofOutput("I'm sorry, no"));
        assertThat(bad).extracting(EvalResult::evalId, EvalResult::passed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("json_format", false),
                org.assertj.core.groups.Tuple.tuple("mentions_response_key", false),
                org.assertj.core.groups.Tuple.tuple("no_apologies", false));
    }

    @Test
    void unknownTypeIsReportedNotFatal() {
        Pack pack = pack("""
                {"id": "e", "name": "e", "version": "1.0.0", "template_engine": {"version": "v1", "syntax": "{{variable}}"},
                 "prompts": {"chat": {"id": "chat", "name": "chat", "version": "1.0.0", "system_template": "hi"}},
                 "evals": [{"id": "typo", "type": "pii_leakge", "trigger": "every_turn"},
                           {"id": "len", "type": "token_budget", "trigger": "every_turn", "params": {"max_tokens": 10}}]}
                """);
        EvalPlan plan = registry.compile(pack, "chat");
        assertThat(plan.problems()).singleElement().asString()
                .contains("/evals/0").contains("pii_leakge").contains("unknown eval type");
        assertThat(plan.evals()).extracting(c -> c.definition().id()).containsExactly("len");
    }

    @Test
    void toolLatencyCostAndTokenHandlers() {
        var handlers = new BuiltInEvalHandlers().handlers();
        EvalContext context = new EvalContext("q", "a",
                List.of(new EvalContext.ToolCall("lookup", Map.of("city", "Paris"))),
                Duration.ofMillis(900), new BigDecimal("0.020"), 120);
        assertThat(run(handlers.get("tools_called"), Map.of("tools", List.of("lookup")), context)).isTrue();
        assertThat(run(handlers.get("tools_called"), Map.of("tools", List.of("book")), context)).isFalse();
        assertThat(run(handlers.get("tools_not_called"), Map.of("tools", List.of("lookup")), context)).isFalse();
        assertThat(run(handlers.get("tool_args"), Map.of("tool", "lookup", "args", Map.of("city", "Paris")), context))
                .isTrue();
        assertThat(run(handlers.get("tool_args"), Map.of("tool", "lookup", "args", Map.of("city", "Rome")), context))
                .isFalse();
        assertThat(run(handlers.get("latency_budget"), Map.of("max_ms", 1000), context)).isTrue();
        assertThat(run(handlers.get("latency_budget"), Map.of("max_ms", 500), context)).isFalse();
        assertThat(run(handlers.get("cost_budget"), Map.of("max_cost", 0.02), context)).isTrue();
        assertThat(run(handlers.get("cost_budget"), Map.of("max_cost", 0.019), context)).isFalse();
        assertThat(run(handlers.get("token_budget"), Map.of("max_tokens", 100), context)).isFalse();
    }

    @Test
    void piiDetectsLuhnCardsAndValidIbansOnly() {
        EvalHandler pii = new BuiltInEvalHandlers().handlers().get("pii")
                .create(new dev.promptkit.validation.ValidatorParams(Map.of()));
        assertThat(pii.evaluate(EvalContext.ofOutput("card 4111 1111 1111 1111")).message()).contains("credit_card");
        assertThat(pii.evaluate(EvalContext.ofOutput("order 4111 1111 1111 1112")).score()).isEqualTo(1);
        assertThat(pii.evaluate(EvalContext.ofOutput("IBAN DE89 3704 0044 0532 0130 00")).message()).contains("iban");
        assertThat(pii.evaluate(EvalContext.ofOutput("IBAN DE88 3704 0044 0532 0130 00")).score()).isEqualTo(1);
        assertThat(pii.evaluate(EvalContext.ofOutput("mail bob@example.com")).message()).contains("email");
        assertThat(pii.evaluate(EvalContext.ofOutput("call +44 20 7946 0958")).message()).contains("phone");
        assertThat(pii.evaluate(EvalContext.ofOutput("ssn 123-45-6789")).message()).contains("ssn");
        assertThat(pii.evaluate(EvalContext.ofOutput("nothing personal here")).score()).isEqualTo(1);
    }

    @Test
    void thresholdDecidesPass() {
        Pack pack = pack("""
                {"id": "e", "name": "e", "version": "1.0.0", "template_engine": {"version": "v1", "syntax": "{{variable}}"},
                 "prompts": {"chat": {"id": "chat", "name": "chat", "version": "1.0.0", "system_template": "hi",
                   "evals": [{"id": "score", "type": "fixed", "trigger": "every_turn",
                              "threshold": {"operator": "gte", "value": 0.7}}]}}}
                """);
        registry.register("fixed", params -> context -> new EvalScore(context.output().length() / 10.0, null));
        EvalPlan plan = registry.compile(pack, "chat");
        assertThat(plan.runAll(EvalContext.ofOutput("12345678")).get(0).passed()).isTrue();
        assertThat(plan.runAll(EvalContext.ofOutput("123")).get(0).passed()).isFalse();
    }

    @Test
    void goOriginalNamesAndParamsRun() {
        Pack pack = pack("""
                {"id": "go", "name": "go", "version": "1.0.0", "template_engine": {"version": "v1", "syntax": "{{variable}}"},
                 "prompts": {"chat": {"id": "chat", "name": "chat", "version": "1.0.0", "system_template": "hi"}},
                 "evals": [
                   {"id": "looked_up", "type": "tools_called", "trigger": "every_turn", "params": {"tool_names": ["lookup"]}},
                   {"id": "alias", "type": "tool_called", "trigger": "every_turn", "params": {"tool_names": ["lookup"]}},
                   {"id": "no_refund", "type": "tools_not_called", "trigger": "every_turn",
                    "params": {"tool_names": ["refund"]}},
                   {"id": "paris", "type": "tool_args", "trigger": "every_turn",
                    "params": {"tool_name": "lookup", "expected_args": {"city": "Paris"}}},
                   {"id": "cheap", "type": "cost_budget", "trigger": "every_turn",
                    "params": {"max_cost_usd": 0.05, "max_total_tokens": 200}},
                   {"id": "fast", "type": "latency_budget", "trigger": "every_turn", "params": {"max_ms": 1000}},
                   {"id": "private", "type": "pii_leakage", "trigger": "every_turn"},
                   {"id": "clean", "type": "content_excludes", "trigger": "every_turn", "params": {"patterns": ["darn"]}},
                   {"id": "brief", "type": "sentence_count", "trigger": "every_turn", "params": {"max": 2}},
                   {"id": "fields", "type": "field_presence", "trigger": "every_turn", "params": {"fields": ["city"]}},
                   {"id": "short", "type": "max_length", "trigger": "every_turn", "params": {"max": 100}},
                   {"id": "shape", "type": "json_schema", "trigger": "every_turn",
                    "params": {"schema": {"type": "object", "required": ["city"]}}},
                   {"id": "includes", "type": "content_includes", "trigger": "every_turn", "params": {"patterns": ["city"]}}
                 ]}
                """);
        EvalPlan plan = registry.compile(pack, "chat");
        assertThat(plan.warnings()).isEmpty();
        EvalContext good = new EvalContext("weather?", "{\"city\": \"Paris\"}",
                List.of(new EvalContext.ToolCall("lookup", Map.of("city", "Paris"))), Duration.ofMillis(300),
                new BigDecimal("0.01"), 150);
        assertThat(plan.runAll(good)).allSatisfy(result -> assertThat(result.passed()).as(result.evalId()).isTrue());
        EvalContext bad = new EvalContext("weather?", "Darn. Call 555-123-4567. Bye. " + "x".repeat(100),
                List.of(new EvalContext.ToolCall("refund", Map.of())), Duration.ofMillis(3000),
                new BigDecimal("0.06"), 150);
        assertThat(plan.runAll(bad)).allSatisfy(result -> assertThat(result.passed()).as(result.evalId()).isFalse());
    }

    @Test
    void unknownParamsAreWarningsNamingTheAcceptedOnes() {
        Pack pack = pack("""
                {"id": "typo", "name": "typo", "version": "1.0.0", "template_engine": {"version": "v1", "syntax": "{{variable}}"},
                 "prompts": {"chat": {"id": "chat", "name": "chat", "version": "1.0.0", "system_template": "hi",
                   "evals": [{"id": "fast", "type": "latency_budget", "trigger": "every_turn",
                              "params": {"max_ms": 10, "max_msec": 5}}]}}}
                """);
        EvalPlan plan = registry.compile(pack, "chat");
        assertThat(plan.evals()).isEmpty();
        assertThat(plan.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.source()).isEqualTo("pack typo");
            assertThat(warning.pointer()).isEqualTo("/prompts/chat/evals/0");
            assertThat(warning.message()).contains("unknown params [max_msec]").contains("max_ms");
        });
    }

    private static Pack pack(String json) {
        return PackLoader.load(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "test.pack.json");
    }

    private static boolean run(EvalHandlerFactory factory, Map<String, Object> params, EvalContext context) {
        return factory.create(new dev.promptkit.validation.ValidatorParams(params)).evaluate(context).score() == 1;
    }
}
