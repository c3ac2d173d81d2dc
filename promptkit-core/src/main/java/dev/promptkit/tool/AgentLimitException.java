/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import java.util.List;

/**
 * An agent tool was not run: its delegation would go deeper than allowed, or has spent its budget. The message names
 * the chain of prompts ({@code researcher → writer → researcher}); the calling model reads it as the tool's error.
 *
 * @since 0.1.0
 */
public class AgentLimitException extends ToolException {

    private static final long serialVersionUID = 1L;

    private final List<String> chain;

    public AgentLimitException(List<String> chain, String message) {
        super(chain.get(chain.size() - 1), message + " (agent chain " + String.join(" → ", chain) + ")");
        this.chain = List.copyOf(chain);
    }

    /** The prompts from the conversation's own to the agent that was not run. */
    public List<String> chain() {
        return chain;
    }
}
