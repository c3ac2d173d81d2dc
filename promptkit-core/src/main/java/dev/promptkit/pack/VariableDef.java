/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * A template variable a prompt declares: its name, type ({@code string}, {@code number}, {@code boolean},
 * {@code object}, {@code array}, or a runtime-defined type), whether it is required, a default and an example (any
 * JSON value), validation rules and a runtime binding.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VariableDef(
        @JsonProperty("name") String name,
        @JsonProperty("type") String type,
        @JsonProperty("required") boolean required,
        @JsonProperty("default") JsonNode defaultValue,
        @JsonProperty("description") String description,
        @JsonProperty("example") JsonNode example,
        @JsonProperty("validation") VariableValidation validation,
        @JsonProperty("binding") VariableBinding binding) {
}
