/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Limits on a whole workflow run (v1.4); {@code null} means no limit for that resource.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowBudget(
        @JsonProperty("max_total_visits") Integer maxTotalVisits,
        @JsonProperty("max_tool_calls") Integer maxToolCalls,
        @JsonProperty("max_wall_time_sec") Integer maxWallTimeSec) {
}
