/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.anthropic;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Collects content blocks into the alternating {@code user}/{@code assistant} messages the Messages API
 * requires: consecutive blocks of one role become one message, {@code tool_result} blocks come first in
 * their message (the API rejects text before them), a role with no blocks adds nothing, and a message
 * holding one text block is written with that text as its {@code content} string. One per request.
 */
final class AlternatingTurns {

    private final List<Turn> turns = new ArrayList<>();

    /** Appends blocks of {@code role} ({@code user} or {@code assistant}). */
    void add(String role, List<ObjectNode> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
        if (last == null || !last.role.equals(role)) {
            last = new Turn(role);
            turns.add(last);
        }
        for (ObjectNode block : blocks) {
            ("tool_result".equals(block.path("type").stringValue(null)) ? last.toolResults : last.others).add(block);
        }
    }

    /** The {@code messages} array. */
    ArrayNode toJson() {
        ArrayNode messages = JsonMapper.shared().createArrayNode();
        for (Turn turn : turns) {
            ObjectNode message = messages.addObject().put("role", turn.role);
            List<ObjectNode> blocks = new ArrayList<>(turn.toolResults);
            blocks.addAll(turn.others);
            if (blocks.size() == 1 && "text".equals(blocks.get(0).path("type").stringValue(null))) {
                message.put("content", blocks.get(0).path("text").stringValue());
            }
            else {
                message.putArray("content").addAll(blocks);
            }
        }
        return messages;
    }

    private static final class Turn {
        private final String role;
        private final List<ObjectNode> toolResults = new ArrayList<>();
        private final List<ObjectNode> others = new ArrayList<>();

        Turn(String role) {
            this.role = role;
        }
    }
}
