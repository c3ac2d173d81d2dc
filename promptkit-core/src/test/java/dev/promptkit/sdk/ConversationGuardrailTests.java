/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.eval.EvalGuardrails;
import dev.promptkit.eval.EvalRegistry;
import dev.promptkit.eval.JudgeSettings;
import dev.promptkit.event.EventBus;
import dev.promptkit.event.ValidationEvent;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackException;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.types.Message;
import dev.promptkit.types.ValidationResult;
import dev.promptkit.validation.ValidationException;
import dev.promptkit.validation.ValidationMode;
import dev.promptkit.validation.ValidatorRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Eval handlers as guardrails: a pack's {@code validators[]} naming {@code pii_leakage} or {@code llm_judge}. */
class ConversationGuardrailTests {

    private final InMemoryStateStore store = new InMemoryStateStore();

    private static Pack pack(String validatorsJson) {
        String json = """
                {"id": "guardrail-sdk-test", "name": "Guardrail SDK test", "version": "1.0.0",
                 "template_engine": {"version": "v1", "syntax": "{{variable}}"},
                 "prompts": {"chat": {"id": "chat", "name": "Chat", "version": "1.0.0",
                   "system_template": "You help.", "validators": %s}}}
                """.formatted(validatorsJson);
        return PackLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "guardrail-sdk-test");
    }

    /** Answers "Hello there" to "hi", and leaks an e-mail address to anything about contacts. */
    private static RecordingProvider assistant() {
        return new RecordingProvider(MockProvider.builder().script(MockScript.parse("""
                rules:
                  - match: "contact"
                    response: "Write to alice.doe@example.com, she knows."
                defaultResponse: "Hello there"
                """)).chunkSize(5).chunkDelay(Duration.ofMillis(2)).build());
    }

    private static MockProvider judge(String verdict) {
        return MockProvider.builder().name("judge")
                .script(MockScript.parse("defaultResponse: '" + verdict.replace("'", "''") + "'")).build();
    }

    private ConversationOptions.Builder options(RecordingProvider provider) {
        return ConversationOptions.builder().provider(provider).stateStore(store);
    }

    @Test
    void anOutputGuardrailBlocksTheAnswerAndLeavesTheConversationAsItWas() {
        Conversation chat = PromptKit.open(pack("""
                [{"type": "pii_leakage", "fail_on_violation": true, "message": "No personal data, please."}]
                """), "chat", options(assistant()).build());
        chat.send("hi");
        List<Message> before = chat.messages();

        assertThatThrownBy(() -> chat.send("Who is my contact?")).isInstanceOfSatisfying(ValidationException.class,
                ex -> {
                    assertThat(ex.validatorType()).isEqualTo("pii_leakage");
                    assertThat(ex.getMessage()).isEqualTo("Validator 'pii_leakage' failed: No personal data, please.");
                    assertThat(ex.details()).containsEntry("reason", "PII found: email").containsEntry("score", 0.0);
                });
        assertThat(chat.messages()).isEqualTo(before).hasSize(2);
    }

    @Test
    void anInputGuardrailBlocksTheTurnBeforeTheProviderIsCalled() {
        RecordingProvider provider = assistant();
        Conversation chat = PromptKit.open(pack("""
                [{"type": "pii", "fail_on_violation": true, "params": {"direction": "input", "types": ["ssn"]}}]
                """), "chat", options(provider).build());

        assertThatThrownBy(() -> chat.send("my SSN is 123-45-6789")).isInstanceOf(ValidationException.class)
                .hasMessage("Validator 'pii' failed: PII found: ssn");
        assertThat(provider.requests).isEmpty();
        assertThat(chat.messages()).isEmpty();
    }

    @Test
    void warnModeLetsTheAnswerPassAndRecordsAndPublishesTheFailedGuardrail() {
        List<ValidationEvent> events = new CopyOnWriteArrayList<>();
        EventBus bus = EventBus.create();
        bus.subscribeSynchronous(event -> {
            if (event instanceof ValidationEvent validation) {
                events.add(validation);
            }
        });
        Conversation chat = PromptKit.open(pack("""
                [{"type": "pii_leakage", "fail_on_violation": true}]
                """), "chat", options(assistant()).eventBus(bus)
                .validation(validation -> validation.withMode(ValidationMode.WARN)).build());

        Response response = chat.send("Who is my contact?");

        assertThat(response.text()).isEqualTo("Write to alice.doe@example.com, she knows.");
        assertThat(response.validations()).singleElement().satisfies(result -> {
            assertThat(result.validatorType()).isEqualTo("pii_leakage");
            assertThat(result.passed()).isFalse();
            assertThat(result.message()).isEqualTo("PII found: email");
        });
        assertThat(chat.messages()).hasSize(2);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.validatorType()).isEqualTo("pii_leakage");
            assertThat(event.passed()).isFalse();
        });
        bus.close();
    }

    @Test
    void anLlmJudgeGuardrailAsksTheJudgeAndBlocksUnderItsMinimumScore() {
        EvalRegistry evals = EvalRegistry.standard(ValidatorRegistry.standard())
                .judge(JudgeSettings.of(judge("{\"score\": 0.3, \"reasoning\": \"Too curt for support.\"}")));
        ValidatorRegistry validators = ValidatorRegistry.standard().registerAll(EvalGuardrails.of(evals));
        Pack pack = pack("""
                [{"type": "llm_judge", "fail_on_violation": true,
                  "params": {"criteria": "The answer is warm and helpful", "min_score": 0.7}}]
                """);
        Conversation chat = PromptKit.open(pack, "chat", options(assistant()).validatorRegistry(validators).build());

        assertThatThrownBy(() -> chat.send("hi")).isInstanceOfSatisfying(ValidationException.class, ex -> {
            assertThat(ex.validatorType()).isEqualTo("llm_judge");
            assertThat(ex.reason()).isEqualTo("Too curt for support.");
            assertThat(ex.details()).containsEntry("score", 0.3).containsKey("cost_usd");
        });
        assertThat(chat.messages()).isEmpty();

        EvalRegistry lenient = EvalRegistry.standard(ValidatorRegistry.standard())
                .judge(JudgeSettings.of(judge("{\"score\": 0.8, \"reasoning\": \"Friendly.\"}")));
        Conversation passing = PromptKit.open(pack, "chat", options(assistant())
                .validatorRegistry(ValidatorRegistry.standard().registerAll(EvalGuardrails.of(lenient))).build());
        assertThat(passing.send("hi").validations()).singleElement().extracting(ValidationResult::passed)
                .isEqualTo(true);
    }

    @Test
    void aStreamedAnswerStopsAtAnExcludedPattern() {
        Conversation chat = PromptKit.open(pack("""
                [{"type": "content_excludes", "params": {"patterns": ["example.com"]}}]
                """), "chat", options(assistant()).build());

        List<StreamChunk> chunks = chat.stream("Who is my contact?").collectList().block();

        String delivered = String.join("", chunks.stream().filter(StreamChunk::isText).map(StreamChunk::text).toList());
        assertThat(delivered).startsWith("Write to alice.doe@").doesNotContain("example.com");
    }

    @Test
    void aGuardrailThatCannotRunFailsTheOpenNamingItsPointer() {
        assertThatThrownBy(() -> PromptKit.open(pack("""
                [{"type": "pii_leakage"}, {"type": "llm_judge", "params": {"criteria": "Polite"}}]
                """), "chat", options(assistant()).build())).isInstanceOf(PackException.class)
                .hasMessageContaining("guardrail-sdk-test")
                .hasMessageContaining("/prompts/chat/validators/1 (llm_judge): llm_judge needs a judge model");
        assertThatThrownBy(() -> PromptKit.open(pack("""
                [{"type": "pii_leakage", "params": {"min_score": 0.9, "max_score": 0.5}}]
                """), "chat", options(assistant()).build())).isInstanceOf(PackException.class)
                .hasMessageContaining("/prompts/chat/validators/0 (pii_leakage): 'min_score' 0.9 is over 'max_score' 0.5");
    }
}
