/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * The outcome of one validator on one message.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ValidationResult(
        @JsonProperty("validator_type") String validatorType,
        @JsonProperty("passed") boolean passed,
        @JsonProperty("message") String message,
        @JsonProperty("details") Map<String, Object> details,
        @JsonProperty("timestamp") Instant timestamp) {

    public ValidationResult {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static ValidationResult pass(String validatorType) {
        return new ValidationResult(validatorType, true, null, Map.of(), Instant.now());
    }

    public static ValidationResult fail(String validatorType, String message, Map<String, Object> details) {
        return new ValidationResult(validatorType, false, message, details, Instant.now());
    }
}
