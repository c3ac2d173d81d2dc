/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackException;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.types.ValidationResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidatorRegistryTests {

    private final ValidatorRegistry registry = ValidatorRegistry.standard();

    static Pack pack(String validatorsJson) {
        String json = """
                {"id": "validation-test", "name": "Validation test", "version": "1.0.0",
                 "template_engine": {"version": "v1", "syntax": "{{variable}}"},
                 "prompts": {"chat": {"id": "chat", "name": "Chat", "version": "1.0.0",
                   "system_template": "You help.", "validators": %s}}}
                """.formatted(validatorsJson);
        return PackLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "validation-test");
    }

    @Test
    void compilesEnabledValidatorsInPackOrderWithTheirSettings() {
        Pack pack = pack("""
                [{"type": "banned_words", "fail_on_violation": true, "message": "Mind your language.",
                  "params": {"words": ["darn"], "direction": "both"}},
                 {"type": "length", "enabled": false, "params": {"max": 3}},
                 {"type": "regex", "params": {"pattern": "secret", "expect_match": false, "direction": "input",
                  "message": "No secrets, please."}},
                 {"type": "json_valid"}]
                """);

        List<PromptValidator> validators = registry.compile(pack, "chat");

        assertThat(validators).extracting(PromptValidator::type).containsExactly("banned_words", "regex", "json_valid");
        assertThat(validators).extracting(PromptValidator::pointer).containsExactly("/prompts/chat/validators/0",
                "/prompts/chat/validators/2", "/prompts/chat/validators/3");
        assertThat(validators).extracting(PromptValidator::direction).containsExactly(PromptValidator.Direction.BOTH,
                PromptValidator.Direction.INPUT, PromptValidator.Direction.OUTPUT);
        assertThat(validators).extracting(PromptValidator::failOnViolation).containsExactly(true, false, false);
        assertThat(validators).extracting(PromptValidator::streams).containsExactly(true, false, false);
        assertThat(validators.get(0).checksInput()).isTrue();
        assertThat(validators.get(0).checksOutput()).isTrue();
    }

    @Test
    void aFailureReportsThePacksMessageAndKeepsTheValidatorsOwnAsTheReason() {
        Pack pack = pack("""
                [{"type": "banned_words", "message": "Mind your language.", "params": {"words": ["darn"]}},
                 {"type": "regex", "params": {"pattern": "secret", "expect_match": false, "message": "No secrets."}},
                 {"type": "contains", "params": {"patterns": ["thanks"]}}]
                """);
        List<PromptValidator> validators = registry.compile(pack, "chat");

        ValidationResult banned = validators.get(0).check("darn");
        assertThat(banned.passed()).isFalse();
        assertThat(banned.validatorType()).isEqualTo("banned_words");
        assertThat(banned.message()).isEqualTo("Mind your language.");
        assertThat(banned.details()).containsEntry("reason", "The text contains banned words: darn")
                .containsEntry("found", List.of("darn"));
        assertThat(validators.get(1).check("a secret").message()).as("params.message when there is no message")
                .isEqualTo("No secrets.");
        assertThat(validators.get(2).check("hello").message()).isEqualTo("The text lacks: thanks");
        assertThat(validators.get(2).check("thanks!").passed()).isTrue();
    }

    @Test
    void anUnknownTypeFailsNamingThePackThePointerAndTheKnownTypes() {
        Pack pack = pack("""
                [{"type": "banned_words", "params": {"words": ["x"]}}, {"type": "pii_leakge"}]
                """);

        assertThatThrownBy(() -> registry.compile(pack, "chat")).isInstanceOf(PackException.class)
                .hasMessageContaining("Invalid pack validation-test: prompt 'chat' has validators that cannot run")
                .satisfies(ex -> assertThat(((PackException) ex).violations()).singleElement().asString()
                        .startsWith("/prompts/chat/validators/1: unknown validator type 'pii_leakge'; known types: ")
                        .contains("banned_words", "json_schema", "max_length", "regex_match"));
    }

    @Test
    void everyUnusableValidatorIsReportedAtOnceWithItsPointer() {
        Pack pack = pack("""
                [{"type": "max_length", "params": {"max_charcters": 500}},
                 {"type": "regex", "params": {"pattern": "("}},
                 {"type": "banned_words", "params": {"words": ["x"], "direction": "sideways"}},
                 {"type": "json_schema", "params": {}}]
                """);

        assertThatThrownBy(() -> registry.compile(pack, "chat")).isInstanceOfSatisfying(PackException.class,
                ex -> assertThat(ex.violations()).satisfiesExactly(
                        first -> assertThat(first).isEqualTo("/prompts/chat/validators/0 (max_length): needs "
                                + "'max_characters' (or max_chars, max) or 'max_tokens'"),
                        second -> assertThat(second).startsWith("/prompts/chat/validators/1 (regex): 'pattern' is "
                                + "not a valid regular expression"),
                        third -> assertThat(third).isEqualTo("/prompts/chat/validators/2 (banned_words): "
                                + "'direction' must be input, output or both, got sideways"),
                        fourth -> assertThat(fourth).isEqualTo("/prompts/chat/validators/3 (json_schema): needs "
                                + "'schema'")));
    }

    @Test
    void aDisabledValidatorIsSkippedEvenWhenItsTypeIsUnknown() {
        Pack pack = pack("""
                [{"type": "pii_leakge", "enabled": false}]
                """);

        assertThat(registry.compile(pack, "chat")).isEmpty();
    }

    @Test
    void theSharedValidValidatorPackCompilesAWorkingLengthValidator() {
        Pack pack = PackLoader.load(Path.of("src/test/resources/packs/testdata-guardrail-valid-validator.pack.json"));

        PromptValidator length = registry.compile(pack, "chat").get(0);

        assertThat(length.type()).isEqualTo("length");
        assertThat(length.streams()).isTrue();
        assertThat(length.check("x".repeat(500)).passed()).isTrue();
        assertThat(length.check("x".repeat(501)).details()).containsEntry("characters", 501);
    }

    @Test
    void theSharedBadTypePackFailsNamingTheTypeAndPointer() {
        Pack pack = PackLoader.load(Path.of("src/test/resources/packs/testdata-guardrail-bad-type.pack.json"));

        assertThatThrownBy(() -> registry.compile(pack, "chat")).isInstanceOf(PackException.class)
                .hasMessageContaining("guardrail-bad-type")
                .hasMessageContaining("/prompts/chat/validators/0: unknown validator type 'pii_leakge'");
    }

    @Test
    void registeredTypesAreCompiledLikeBuiltInOnesAndMayReplaceThem() {
        ValidatorRegistry custom = ValidatorRegistry.standard()
                .register("all_caps", params -> text -> text.equals(text.toUpperCase()) ? Verdict.PASS
                        : Verdict.fail("not shouting"))
                .register("banned_words", params -> {
                    params.asMap();
                    return text -> Verdict.fail("everything is banned");
                });
        Pack pack = pack("""
                [{"type": "all_caps"}, {"type": "banned_words", "params": {"anything": 1}}]
                """);

        List<PromptValidator> validators = custom.compile(pack, "chat");

        assertThat(validators.get(0).check("HEY").passed()).isTrue();
        assertThat(validators.get(0).check("hey").message()).isEqualTo("not shouting");
        assertThat(validators.get(1).check("fine").message()).isEqualTo("everything is banned");
        assertThat(custom.types()).contains("all_caps");
        assertThat(registry.types()).doesNotContain("all_caps");
    }

    @Test
    void librariesOnTheClassPathAreFoundByServiceLoader() {
        assertThat(registry.types()).contains(TestValidatorLibrary.TYPE);

        Validator validator = registry.create(TestValidatorLibrary.TYPE, Map.of("suffix", "!"));

        assertThat(validator.validate("Hi!").passed()).isTrue();
        assertThat(validator.validate("Hi").passed()).isFalse();
    }
}
