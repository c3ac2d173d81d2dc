/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.types.ValidationResult;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidationPolicyTests {

    private final PromptValidator lenient = validator("banned_words", false);
    private final PromptValidator enforced = validator("max_length", true);
    private final ValidationResult failed = ValidationResult.fail("x", "bad", null);

    private static PromptValidator validator(String type, boolean failOnViolation) {
        return new PromptValidator(type, text -> Verdict.PASS, PromptValidator.Direction.OUTPUT, failOnViolation, null,
                "/prompts/chat/validators/0");
    }

    @Test
    void errorModeFailsTheTurnOnlyForValidatorsThatFailOnViolation() {
        ValidationPolicy policy = ValidationPolicy.DEFAULT;

        assertThat(policy.failsTurn(enforced, failed)).isTrue();
        assertThat(policy.failsTurn(lenient, failed)).isFalse();
        assertThat(policy.failsTurn(enforced, ValidationResult.pass("max_length"))).isFalse();
        assertThat(policy.stopsStreams()).isTrue();
    }

    @Test
    void strictValidationFailsTheTurnForEveryFailure() {
        ValidationPolicy strict = new ValidationPolicy(ValidationMode.ERROR, true, Set.of());

        assertThat(strict.failsTurn(lenient, failed)).isTrue();
    }

    @Test
    void warnModeNeverFailsAndNeverStopsAStream() {
        ValidationPolicy warn = new ValidationPolicy(ValidationMode.WARN, true, Set.of());

        assertThat(warn.failsTurn(enforced, failed)).isFalse();
        assertThat(warn.stopsStreams()).isFalse();
        assertThat(warn.active(List.of(lenient, enforced))).hasSize(2);
    }

    @Test
    void disabledModeRunsNothingAndDisabledTypesAreLeftOut() {
        assertThat(new ValidationPolicy(ValidationMode.DISABLED, false, Set.of()).active(List.of(lenient, enforced)))
                .isEmpty();
        assertThat(new ValidationPolicy(ValidationMode.ERROR, false, Set.of("banned_words"))
                .active(List.of(lenient, enforced))).containsExactly(enforced);
    }
}
