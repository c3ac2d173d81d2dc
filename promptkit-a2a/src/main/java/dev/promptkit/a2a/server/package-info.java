/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * A pack's agents served as A2A agents: {@link dev.promptkit.a2a.server.AgentCards} builds each agent's card from the
 * pack's {@code agents} section, {@link dev.promptkit.a2a.server.A2aServer} answers the JSON-RPC methods
 * ({@code message/send}, {@code message/stream}, {@code tasks/get}, {@code tasks/cancel}) by running conversations
 * on the agents' prompts, and an {@link dev.promptkit.a2a.server.A2aTaskStore} keeps the tasks. No web framework:
 * the Spring Boot starter maps it to HTTP.
 */
package dev.promptkit.a2a.server;
