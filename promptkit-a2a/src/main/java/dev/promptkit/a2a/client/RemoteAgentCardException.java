/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.a2a.client;

import dev.promptkit.PromptKitException;

/**
 * A remote A2A agent's card could not be read: the agent is down, answered with an error status, or its card is not
 * a valid A2A agent card. The message names the agent, the card's URL and what went wrong.
 *
 * @since 0.1.0
 */
public class RemoteAgentCardException extends PromptKitException {

    private final String agentName;

    public RemoteAgentCardException(String agentName, String message, Throwable cause) {
        super(message, cause);
        this.agentName = agentName;
    }

    /** The agent's configured name. */
    public String agentName() {
        return agentName;
    }
}
