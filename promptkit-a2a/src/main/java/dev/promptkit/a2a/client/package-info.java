/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Remote A2A agents as tools: {@link dev.promptkit.a2a.client.RemoteAgents} reads each agent's card and answers the
 * tools named {@code a2a__<agent>__<skill>} by sending the call's input to the agent over JSON-RPC, streaming when
 * the card says the agent streams.
 */
package dev.promptkit.a2a.client;
