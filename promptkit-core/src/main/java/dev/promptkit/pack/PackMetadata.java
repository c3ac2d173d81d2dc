/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The pack's {@code metadata}: domain, ISO 639-1 language, tags, cost estimate, and any other keys in {@code extra}.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PackMetadata(
        @JsonProperty("domain") String domain,
        @JsonProperty("language") String language,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("cost_estimate") CostEstimate costEstimate,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public PackMetadata {
        tags = Immutable.list(tags);
        extra = Immutable.map(extra);
    }
}
