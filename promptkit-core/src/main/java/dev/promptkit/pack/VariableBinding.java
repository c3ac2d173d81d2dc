/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a variable's value comes from at runtime: a source {@code kind} ({@code context}, {@code session},
 * {@code env}, {@code header}), the {@code field} within it, whether it is filled without caller input, and a
 * {@code filter} ({@code lowercase}, {@code trim}) applied to the value.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VariableBinding(
        @JsonProperty("kind") String kind,
        @JsonProperty("field") String field,
        @JsonProperty("auto_populate") Boolean autoPopulate,
        @JsonProperty("filter") String filter) {

    public VariableBinding {
        autoPopulate = autoPopulate == null ? Boolean.FALSE : autoPopulate;
    }
}
