/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A validator (guardrail) a prompt declares: its type, whether it is on (default {@code true}), the message shown when
 * it blocks, whether a violation fails the turn (default {@code false}), and its free-form params. The type is not
 * checked when the pack loads; the validation registry resolves it.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidatorDef(
        @JsonProperty("type") String type,
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("message") String message,
        @JsonProperty("fail_on_violation") Boolean failOnViolation,
        @JsonProperty("params") Map<String, Object> params) {

    public ValidatorDef {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        failOnViolation = failOnViolation == null ? Boolean.FALSE : failOnViolation;
        params = Immutable.map(params);
    }
}
