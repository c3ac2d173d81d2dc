/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/** Tells the three shapes of a {@link SkillSource} apart: a string, an object with {@code path}, or an inline skill. */
final class SkillSourceDeserializer extends ValueDeserializer<SkillSource> {

    @Override
    public SkillSource deserialize(JsonParser parser, DeserializationContext context) {
        JsonNode node = context.readTree(parser);
        if (node.isString()) {
            return new SkillReference(node.asString());
        }
        if (!node.isObject()) {
            return context.reportInputMismatch(SkillSource.class,
                    "a skill source must be a string or an object, not %s", node.getNodeType());
        }
        if (node.has("path")) {
            return context.readTreeAsValue(node, SkillPathSource.class);
        }
        return context.readTreeAsValue(node, InlineSkill.class);
    }
}
