/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A skill source with a path and whether to load it eagerly at pack initialisation ({@code false} by default).
 *
 * @since 0.1.0
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record SkillPathSource(
        @JsonProperty("path") String path,
        @JsonProperty("preload") Boolean preload) implements SkillSource {

    public SkillPathSource {
        preload = preload == null ? Boolean.FALSE : preload;
    }
}
