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
 * The pack's {@code compilation} block, written by the {@code packc} compiler. {@code createdAt} is kept as the
 * ISO 8601 text of the pack; keys the spec does not name are kept in {@code extra}.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Compilation(
        @JsonProperty("compiled_with") String compiledWith,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("schema") String schema,
        @JsonProperty("source") String source,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Compilation {
        extra = Immutable.map(extra);
    }
}
