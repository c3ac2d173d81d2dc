/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * An eval (v1.2+), declared at pack or prompt level: how to score output quality asynchronously. A prompt-level eval
 * overrides a pack-level one with the same {@code id}. Defaults follow the spec: enabled, 5 % sampling.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Eval(
        @JsonProperty("id") String id,
        @JsonProperty("description") String description,
        @JsonProperty("type") String type,
        @JsonProperty("trigger") String trigger,
        @JsonProperty("sample_percentage") Double samplePercentage,
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("params") Map<String, Object> params,
        @JsonProperty("metric") MetricDef metric,
        @JsonProperty("threshold") EvalThreshold threshold,
        @JsonProperty("message") String message,
        @JsonProperty("when") Map<String, Object> when,
        @JsonProperty("groups") List<String> groups) {

    public static final double DEFAULT_SAMPLE_PERCENTAGE = 5;

    public Eval {
        samplePercentage = samplePercentage == null ? DEFAULT_SAMPLE_PERCENTAGE : samplePercentage;
        enabled = enabled == null ? Boolean.TRUE : enabled;
        params = Immutable.map(params);
        when = Immutable.map(when);
        groups = Immutable.list(groups);
    }
}
