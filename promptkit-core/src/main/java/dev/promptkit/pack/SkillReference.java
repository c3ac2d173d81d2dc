/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A skill source written as a plain string: a path to a skill directory or file, or a package reference.
 *
 * @since 0.1.0
 */
public record SkillReference(@JsonValue String reference) implements SkillSource {
}
