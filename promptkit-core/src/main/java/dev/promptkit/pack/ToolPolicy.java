/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How a prompt may use tools. Defaults follow the PromptPack spec: {@code auto}, 5 rounds, 10 calls per turn.
 *
 * @since 0.1.0
 */
public record ToolPolicy(
        @JsonProperty("tool_choice") String toolChoice,
        @JsonProperty("max_rounds") Integer maxRounds,
        @JsonProperty("max_tool_calls_per_turn") Integer maxToolCallsPerTurn,
        @JsonProperty("blocklist") List<String> blocklist) {

    public static final int DEFAULT_MAX_ROUNDS = 5;
    public static final int DEFAULT_MAX_TOOL_CALLS_PER_TURN = 10;
    public static final ToolPolicy DEFAULT = new ToolPolicy("auto", DEFAULT_MAX_ROUNDS,
            DEFAULT_MAX_TOOL_CALLS_PER_TURN, List.of());

    public ToolPolicy {
        toolChoice = toolChoice == null ? "auto" : toolChoice;
        maxRounds = maxRounds == null ? DEFAULT_MAX_ROUNDS : maxRounds;
        maxToolCallsPerTurn = maxToolCallsPerTurn == null ? DEFAULT_MAX_TOOL_CALLS_PER_TURN : maxToolCallsPerTurn;
        blocklist = blocklist == null ? List.of() : List.copyOf(blocklist);
    }
}
