/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code workflow.engine}: the standard {@code budget} and any runtime-specific hints, kept in {@code extra}.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowEngine(
        @JsonProperty("budget") WorkflowBudget budget,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public WorkflowEngine {
        extra = Immutable.map(extra);
    }
}
