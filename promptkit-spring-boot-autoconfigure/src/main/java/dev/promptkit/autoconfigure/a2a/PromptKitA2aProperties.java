/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.a2a;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The A2A (Agent2Agent) protocol, under {@code promptkit.a2a.*}: remote agents whose skills prompts may offer as
 * tools ({@code a2a__<agent>__<skill>}), and the server exposing a pack's agents.
 *
 * @param agents the remote agents by name
 * @param server the server exposing the pack's agents
 *
 * @since 0.1.0
 */
@ConfigurationProperties("promptkit.a2a")
public record PromptKitA2aProperties(@DefaultValue Map<String, Agent> agents, @DefaultValue Server server) {

    /**
     * One remote A2A agent.
     *
     * @param url the agent's base URL; its card is read at start-up from {@code <url>/.well-known/agent-card.json}
     * @param timeout the longest one call to the agent may take
     * @param bearerToken a token sent as {@code Authorization: Bearer}: {@code env:NAME}, {@code file:PATH} or the
     *     value itself
     * @param apiKey an API key sent in {@code api-key-header}: {@code env:NAME}, {@code file:PATH} or the value
     * @param apiKeyHeader the header carrying {@code api-key}
     */
    public record Agent(URI url, @DefaultValue("60s") Duration timeout, String bearerToken, String apiKey,
            @DefaultValue("X-API-Key") String apiKeyHeader) {
    }

    /**
     * The A2A server (WebFlux applications only).
     *
     * @param enabled whether the pack's agents are served
     * @param pack the pack whose agents are served; the default pack when unset
     * @param path where the agents are served: {@code <path>/<agent>} takes JSON-RPC, its card is at
     *     {@code <path>/<agent>/.well-known/agent-card.json}
     * @param taskStore where tasks are kept
     * @param taskTtl how long a task is kept after its last change
     * @param redisKeyPrefix the prefix of the tasks' Redis keys
     * @param streaming whether the agents answer {@code message/stream} (their cards say so)
     */
    public record Server(@DefaultValue("true") boolean enabled, String pack, @DefaultValue("/a2a") String path,
            @DefaultValue("memory") TaskStoreType taskStore, @DefaultValue("24h") Duration taskTtl,
            @DefaultValue("promptkit:a2a:task:") String redisKeyPrefix, @DefaultValue("true") boolean streaming) {
    }

    /** Where the A2A server keeps its tasks. */
    public enum TaskStoreType {
        /** In this process's memory. */
        MEMORY,
        /** In Redis (the application's Redis connection), shared by every instance. */
        REDIS
    }
}
