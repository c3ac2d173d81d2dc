/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The pack's {@code template_engine}: engine version, the placeholder syntax it declares (informational) and the
 * optional features it claims ({@code basic_substitution}, {@code fragments}, ...).
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateEngine(
        @JsonProperty("version") String version,
        @JsonProperty("syntax") String syntax,
        @JsonProperty("features") List<String> features) {

    public TemplateEngine {
        features = Immutable.list(features);
    }
}
