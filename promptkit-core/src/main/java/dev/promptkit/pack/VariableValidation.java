/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The rules a variable's value must meet, enforced by {@link VariableResolver}: a regular expression it must contain a
 * match of, length bounds in code points, numeric bounds, and the allowed values ({@code enum}; empty means any).
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VariableValidation(
        @JsonProperty("pattern") String pattern,
        @JsonProperty("min_length") Integer minLength,
        @JsonProperty("max_length") Integer maxLength,
        @JsonProperty("minimum") BigDecimal minimum,
        @JsonProperty("maximum") BigDecimal maximum,
        @JsonProperty("enum") List<JsonNode> enumValues) {

    public VariableValidation {
        enumValues = Immutable.list(enumValues);
    }
}
