/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import java.math.BigDecimal;

/**
 * How far agent tools may delegate. An agent tool is another prompt of the pack named in a prompt's tools; calling it
 * runs that prompt as a sub-conversation, which may call agent tools in turn. A <em>delegation</em> is one agent-tool
 * call of a conversation and every call it leads to.
 *
 * <pre>{@code
 * ConversationOptions.builder().tools(tools -> tools.withAgentLimits(new AgentLimits(2, new BigDecimal("0.50"))))
 * }</pre>
 *
 * @param maxDepth how many agents deep a delegation may go (1: an agent tool may not call agent tools); at least 1
 * @param maxCostUsd the most a delegation may spend before no further agent call of it starts (checked before each
 *     call), in US dollars; {@code null} for no limit
 * @since 0.1.0
 */
public record AgentLimits(int maxDepth, BigDecimal maxCostUsd) {

    /** Three agents deep, no cost limit. */
    public static final AgentLimits DEFAULTS = new AgentLimits(3, null);

    public AgentLimits {
        OptionValues.atLeast(maxDepth, 1, "agent maxDepth");
        if (maxCostUsd != null && maxCostUsd.signum() < 0) {
            throw new IllegalArgumentException("agent maxCostUsd must be at least 0 (or null for no limit), not "
                    + maxCostUsd);
        }
    }
}
