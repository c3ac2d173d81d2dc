/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A record of testing a prompt with one model: when ({@code date}, YYYY-MM-DD as written) and how it performed.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestedModel(
        @JsonProperty("provider") String provider,
        @JsonProperty("model") String model,
        @JsonProperty("date") String date,
        @JsonProperty("success_rate") Double successRate,
        @JsonProperty("avg_tokens") Double avgTokens,
        @JsonProperty("avg_cost") Double avgCost,
        @JsonProperty("avg_latency_ms") Double avgLatencyMs,
        @JsonProperty("notes") String notes) {
}
