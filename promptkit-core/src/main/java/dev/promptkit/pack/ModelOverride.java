/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a prompt changes for one model: text around the system template, or a whole replacement template, and
 * parameters laid over the prompt's own ({@code null} where the pack sets none).
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelOverride(
        @JsonProperty("system_template_prefix") String systemTemplatePrefix,
        @JsonProperty("system_template_suffix") String systemTemplateSuffix,
        @JsonProperty("system_template") String systemTemplate,
        @JsonProperty("parameters") Parameters parameters) {
}
