/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A skill defined inside the pack: its name, a short description and the instructions it loads into context.
 *
 * @since 0.1.0
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record InlineSkill(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("instructions") String instructions) implements SkillSource {
}
