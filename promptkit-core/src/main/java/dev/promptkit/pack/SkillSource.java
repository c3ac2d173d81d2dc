/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One entry of the pack's {@code skills} (v1.3.1): a bare path or package reference ({@link SkillReference}), a path
 * with a preload flag ({@link SkillPathSource}), or a skill written inline ({@link InlineSkill}).
 *
 * @since 0.1.0
 */
@JsonDeserialize(using = SkillSourceDeserializer.class)
public sealed interface SkillSource permits SkillReference, SkillPathSource, InlineSkill {
}
