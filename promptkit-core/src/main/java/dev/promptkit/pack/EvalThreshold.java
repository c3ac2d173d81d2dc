/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The pass/fail threshold of an eval score: an operator ({@code gte}, {@code lte}, {@code gt}, {@code lt},
 * {@code eq}) and a value.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvalThreshold(
        @JsonProperty("operator") String operator,
        @JsonProperty("value") Double value) {
}
