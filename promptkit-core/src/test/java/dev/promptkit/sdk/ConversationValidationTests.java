/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackException;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.pipeline.StreamValidationStage;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.ValidationResult;
import dev.promptkit.validation.ValidationException;
import dev.promptkit.validation.ValidationMode;
import dev.promptkit.validation.ValidatorRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationValidationTests {

    private static final String ANSWER = "All fine here. Darn, this went wrong. And a lot more text follows after that.";

    private final InMemoryStateStore store = new InMemoryStateStore();

    /** A pack whose prompt {@code chat} has these validators and may call {@code get_weather}. */
    private static Pack pack(String validatorsJson) {
        String json = """
                {"id": "validation-sdk-test", "name": "Validation SDK test", "version": "1.0.0",
                 "template_engine": {"version": "v1", "syntax": "{{variable}}"},
                 "prompts": {"chat": {"id": "chat", "name": "Chat", "version": "1.0.0",
                   "system_template": "You help.", "tools": ["get_weather"], "validators": %s}},
                 "tools": {"get_weather": {"name": "get_weather", "description": "Weather for a city",
                   "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}}
                """.formatted(validatorsJson);
        return PackLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "validation-sdk-test");
    }

    /** The mock answers {@code answer} in chunks of 5 characters, 10 ms apart. */
    private static RecordingProvider slowProvider(String answer) {
        return new RecordingProvider(MockProvider.builder().script(MockScript.parse("defaultResponse: \"" + answer + "\""))
                .chunkSize(5).chunkDelay(Duration.ofMillis(10)).build());
    }

    private ConversationOptions.Builder options(RecordingProvider provider) {
        return ConversationOptions.builder().provider(provider).stateStore(store);
    }

    private static String delivered(List<StreamChunk> chunks) {
        return String.join("", chunks.stream().filter(StreamChunk::isText).map(StreamChunk::text).toList());
    }

    @Test
    void everyResultIsListedAndAttachedToTheStoredAnswer() {
        Conversation chat = PromptKit.open(pack("""
                [{"type": "contains", "params": {"patterns": ["thanks"]}},
                 {"type": "min_length", "params": {"min": 3}}]
                """), "chat", options(slowProvider("Hello there")).build());

        Response response = chat.send("Hi");

        assertThat(response.validations()).extracting(ValidationResult::validatorType, ValidationResult::passed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("contains", false),
                        org.assertj.core.groups.Tuple.tuple("min_length", true));
        assertThat(response.validations().get(0).message()).isEqualTo("The text lacks: thanks");
        assertThat(response.message().validations()).isEqualTo(response.validations());
        assertThat(chat.messages().get(1).validations()).isEqualTo(response.validations());
    }

    @Test
    void aFailureOfAValidatorThatFailsOnViolationFailsTheTurnAndStoresNothing() {
        Conversation chat = PromptKit.open(pack("""
                [{"type": "contains", "fail_on_violation": true, "message": "Always say thanks.",
                  "params": {"patterns": ["thanks"]}}]
                """), "chat", options(slowProvider("Hello there")).build());

        assertThatThrownBy(() -> chat.send("Hi")).isInstanceOfSatisfying(ValidationException.class, ex -> {
            assertThat(ex.validatorType()).isEqualTo("contains");
            assertThat(ex.reason()).isEqualTo("Always say thanks.");
            assertThat(ex.getMessage()).isEqualTo("Validator 'contains' failed: Always say thanks.");
            assertThat(ex.details()).containsEntry("missing", List.of("thanks"))
                    .containsEntry("reason", "The text lacks: thanks");
        });
        assertThat(chat.messages()).isEmpty();
    }

    @Test
    void strictValidationFailsTheTurnForEveryFailingValidator() {
        Pack pack = pack("""
                [{"type": "contains", "params": {"patterns": ["thanks"]}}]
                """);
        Conversation strict = PromptKit.open(pack, "chat",
                options(slowProvider("Hello there")).validation(validation -> validation.withStrict(true)).build());

        assertThatThrownBy(() -> strict.send("Hi")).isInstanceOf(ValidationException.class);
        assertThat(strict.messages()).isEmpty();
    }

    @Test
    void warnModeRecordsFailuresButNeverFailsTheTurn() {
        Conversation chat = PromptKit.open(pack("""
                [{"type": "contains", "fail_on_violation": true, "params": {"patterns": ["thanks"]}}]
                """), "chat", options(slowProvider("Hello there"))
                        .validation(validation -> validation.withMode(ValidationMode.WARN))
                        .validation(validation -> validation.withStrict(true)).build());

        Response response = chat.send("Hi");

        assertThat(response.text()).isEqualTo("Hello there");
        assertThat(response.validations()).singleElement().extracting(ValidationResult::passed).isEqualTo(false);
        assertThat(chat.messages()).hasSize(2);
    }

    @Test
    void disabledModeRunsNoValidator() {
        Conversation chat = PromptKit.open(pack("""
                [{"type": "contains", "fail_on_violation": true, "params": {"patterns": ["thanks"], "direction": "both"}}]
                """), "chat", options(slowProvider("Hello there"))
                        .validation(validation -> validation.withMode(ValidationMode.DISABLED)).build());

        Response response = chat.send("Hi");

        assertThat(response.validations()).isEmpty();
        assertThat(chat.messages()).hasSize(2);
    }

    @Test
    void validatorsDisabledByTypeDoNotRunWhileTheOthersDo() {
        RecordingProvider provider = slowProvider(ANSWER);
        Conversation chat = PromptKit.open(pack("""
                [{"type": "banned_words", "fail_on_violation": true, "params": {"words": ["darn"]}},
                 {"type": "max_sentences", "params": {"max_sentences": 1}}]
                """), "chat", options(provider)
                        .validation(validation -> validation.withDisabledTypes("banned_words")).build());

        Response response = chat.send("Hi");

        assertThat(response.text()).isEqualTo(ANSWER);
        assertThat(response.validations()).extracting(ValidationResult::validatorType).containsExactly("max_sentences");
        assertThat(provider.cancellations).hasValue(0);
    }

    @Test
    void aBannedWordStopsTheStreamCancelsTheProviderAndStoresExactlyWhatWasDelivered() {
        RecordingProvider provider = slowProvider(ANSWER);
        Conversation chat = PromptKit.open(pack("""
                [{"type": "banned_words", "params": {"words": ["darn"]}},
                 {"type": "json_valid"}]
                """), "chat", options(provider).build());

        List<StreamChunk> chunks = chat.stream("Hi").collectList().block();

        String delivered = delivered(chunks);
        assertThat(delivered).isEqualTo("All fine here. ");
        assertThat(provider.cancellations).hasValue(1);
        Response response = chunks.get(chunks.size() - 1).response();
        assertThat(response.text()).isEqualTo(delivered);
        assertThat(response.message().finishReason()).isEqualTo(StreamValidationStage.FINISH_REASON);
        assertThat(response.validations()).singleElement().satisfies(result -> {
            assertThat(result.validatorType()).isEqualTo("banned_words");
            assertThat(result.passed()).isFalse();
            assertThat(result.details()).containsEntry("found", List.of("darn"));
        });
        List<Message> stored = chat.messages();
        assertThat(stored).extracting(Message::role).containsExactly(Role.USER, Role.ASSISTANT);
        assertThat(stored.get(1).content()).isEqualTo(delivered);
        assertThat(stored.get(1).finishReason()).isEqualTo(StreamValidationStage.FINISH_REASON);
        assertThat(stored.get(1).validations()).isEqualTo(response.validations());
    }

    @Test
    void aStoppedStreamOfAValidatorThatFailsOnViolationFailsTheTurnAndStoresNothing() {
        RecordingProvider provider = slowProvider(ANSWER);
        Conversation chat = PromptKit.open(pack("""
                [{"type": "banned_words", "fail_on_violation": true, "params": {"words": ["darn"]}}]
                """), "chat", options(provider).build());
        List<StreamChunk> chunks = new ArrayList<>();

        assertThatThrownBy(() -> chat.stream("Hi").doOnNext(chunks::add).blockLast())
                .isInstanceOfSatisfying(ValidationException.class,
                        ex -> assertThat(ex.validatorType()).isEqualTo("banned_words"));

        assertThat(delivered(chunks)).isEqualTo("All fine here. ");
        assertThat(chunks).noneMatch(StreamChunk::isDone);
        assertThat(provider.cancellations).hasValue(1);
        assertThat(chat.messages()).isEmpty();
    }

    @Test
    void aSendIsStoppedTooAndItsAnswerEndsBeforeTheViolation() {
        RecordingProvider provider = slowProvider("x".repeat(800));
        Conversation chat = PromptKit.open(
                PackLoader.load(java.nio.file.Path.of("src/test/resources/packs/testdata-guardrail-valid-validator.pack.json")),
                "chat", options(provider).build());

        Response response = chat.send("Write a lot");

        assertThat(response.text()).hasSize(500);
        assertThat(response.message().finishReason()).isEqualTo(StreamValidationStage.FINISH_REASON);
        assertThat(response.validations()).singleElement().satisfies(result -> {
            assertThat(result.validatorType()).isEqualTo("length");
            assertThat(result.details()).containsEntry("characters", 505).containsEntry("max_characters", 500);
        });
        assertThat(provider.cancellations).hasValue(1);
        assertThat(chat.messages().get(1).content()).hasSize(500);
    }

    @Test
    void warnModeNeverStopsAStreamAndRecordsTheViolationOnTheWholeAnswer() {
        RecordingProvider provider = slowProvider(ANSWER);
        Conversation chat = PromptKit.open(pack("""
                [{"type": "banned_words", "fail_on_violation": true, "params": {"words": ["darn"]}}]
                """), "chat", options(provider)
                        .validation(validation -> validation.withMode(ValidationMode.WARN)).build());

        List<StreamChunk> chunks = chat.stream("Hi").collectList().block();

        assertThat(delivered(chunks)).isEqualTo(ANSWER);
        assertThat(provider.cancellations).hasValue(0);
        Response response = chunks.get(chunks.size() - 1).response();
        assertThat(response.message().finishReason()).isEqualTo("stop");
        assertThat(response.validations()).singleElement().extracting(ValidationResult::passed).isEqualTo(false);
        assertThat(chat.messages().get(1).content()).isEqualTo(ANSWER);
    }

    @Test
    void aFailingInputValidatorFailsTheTurnBeforeTheProviderIsCalled() {
        RecordingProvider provider = slowProvider("Sure, it is 123456789.");
        Conversation chat = PromptKit.open(pack("""
                [{"type": "regex", "fail_on_violation": true, "message": "I can't help with bank routing numbers.",
                  "params": {"pattern": "(?i)\\\\brouting number\\\\b", "expect_match": false, "direction": "input"}}]
                """), "chat", options(provider).build());

        assertThatThrownBy(() -> chat.send("What is my routing number?")).isInstanceOf(ValidationException.class)
                .hasMessage("Validator 'regex' failed: I can't help with bank routing numbers.");

        assertThat(provider.requests).isEmpty();
        assertThat(chat.messages()).isEmpty();
        assertThat(chat.send("What is my balance?").validations()).singleElement()
                .extracting(ValidationResult::passed).isEqualTo(true);
        assertThat(provider.requests).hasSize(1);
    }

    @Test
    void theSharedHooksPackRecordsALenientInputViolationOnTheUsersMessage() {
        RecordingProvider provider = slowProvider("I cannot see your account.");
        Conversation chat = PromptKit.open(PackLoader.load(java.nio.file.Path.of(
                "src/test/resources/packs/hooks-hooks.pack.json")), "chat", options(provider).build());

        Response response = chat.send("What is my routing number?");

        Message user = response.turnMessages().get(0);
        assertThat(user.validations()).singleElement().satisfies(result -> {
            assertThat(result.passed()).isFalse();
            assertThat(result.message()).isEqualTo("I can't help with bank routing numbers.");
        });
        assertThat(response.message().validations()).isEmpty();
        assertThat(provider.requests).hasSize(1);
        assertThat(chat.messages().get(0).validations()).isEqualTo(user.validations());
    }

    @Test
    void aValidatorForBothDirectionsJudgesTheQuestionAndTheAnswer() {
        Conversation chat = PromptKit.open(pack("""
                [{"type": "max_length", "params": {"max": 20, "direction": "both"}}]
                """), "chat", options(slowProvider("Short answer")).build());

        Response response = chat.send("A question that is far too long");

        assertThat(response.turnMessages().get(0).validations()).singleElement()
                .extracting(ValidationResult::passed).isEqualTo(false);
        assertThat(response.message().validations()).singleElement()
                .extracting(ValidationResult::passed).isEqualTo(true);
        assertThat(response.validations()).hasSize(2);
    }

    @Test
    void outputValidatorsJudgeTheFinalAnswerAfterTheToolLoop() {
        RecordingProvider provider = new RecordingProvider(MockProvider.builder().script(MockScript.parse("""
                turns:
                  - type: tool_calls
                    content: "Let me check."
                    tool_calls:
                      - name: get_weather
                        arguments: {city: Paris}
                  - "It is sunny in Paris."
                """)).build());
        Conversation chat = PromptKit.open(pack("""
                [{"type": "contains", "fail_on_violation": true, "params": {"patterns": ["sunny"]}}]
                """), "chat", options(provider).build());
        chat.onTool("get_weather", args -> "sunny");

        Response response = chat.send("Weather in Paris?");

        assertThat(response.text()).isEqualTo("It is sunny in Paris.");
        List<Message> answers = response.turnMessages().stream().filter(m -> m.role() == Role.ASSISTANT).toList();
        assertThat(answers).hasSize(2);
        assertThat(answers.get(0).validations()).as("the answer that asked for a tool").isEmpty();
        assertThat(answers.get(1).validations()).singleElement().extracting(ValidationResult::passed).isEqualTo(true);
    }

    @Test
    void aValidatorTypeOfTheApplicationsOwnRunsWhenThePackNamesIt() {
        ValidatorRegistry registry = ValidatorRegistry.standard()
                .register(WordLimitValidator.TYPE, WordLimitValidator::create);
        Conversation chat = PromptKit.open(pack("""
                [{"type": "max_words", "fail_on_violation": true, "message": "Please answer briefly.",
                  "params": {"max": 3}}]
                """), "chat", options(slowProvider("Far too many words here")).validatorRegistry(registry).build());

        assertThatThrownBy(() -> chat.send("Hi")).isInstanceOfSatisfying(ValidationException.class, ex -> {
            assertThat(ex.validatorType()).isEqualTo("max_words");
            assertThat(ex.reason()).isEqualTo("Please answer briefly.");
            assertThat(ex.details()).containsEntry("words", 5);
        });
    }

    @Test
    void anUnknownTypeFailsTheOpenNamingItAndItsPointer() {
        assertThatThrownBy(() -> PromptKit.open("src/test/resources/packs/testdata-guardrail-bad-type.pack.json", "chat",
                options(slowProvider("x")).build())).isInstanceOf(PackException.class)
                .hasMessageContaining("guardrail-bad-type")
                .hasMessageContaining("/prompts/chat/validators/0: unknown validator type 'pii_leakge'; known types: ");
        assertThatThrownBy(() -> PromptKit.open(pack("""
                [{"type": "max_words", "params": {"max": 3}}]
                """), "chat", options(slowProvider("x")).build()))
                .as("a type only a registry passed in the options knows").isInstanceOf(PackException.class)
                .hasMessageContaining("unknown validator type 'max_words'");
    }

    @Test
    void badParamsFailTheOpenWithThePointer() {
        assertThatThrownBy(() -> PromptKit.open(pack("""
                [{"type": "banned_words", "params": {"word": ["darn"]}}]
                """), "chat", options(slowProvider("x")).build())).isInstanceOfSatisfying(PackException.class,
                ex -> assertThat(ex.violations()).containsExactly("/prompts/chat/validators/0 (banned_words): needs 'words' (or patterns)"));
    }
}
