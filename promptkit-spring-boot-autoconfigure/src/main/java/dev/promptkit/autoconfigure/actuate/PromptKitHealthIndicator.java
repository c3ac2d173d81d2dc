/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.actuate;

import dev.promptkit.provider.ProviderRegistry;
import dev.promptkit.state.StateStore;
import dev.promptkit.tool.mcp.McpServer;
import dev.promptkit.tool.mcp.McpServerStatus;
import dev.promptkit.tool.mcp.McpServers;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

/**
 * PromptKit's health: DOWN when the state store cannot be read (Redis unreachable, for example);
 * otherwise UP, with the providers and each MCP server's status as details (an MCP server that is
 * down only takes its own tools away, so it does not make the application unhealthy).
 *
 * @since 0.1.0
 */
public class PromptKitHealthIndicator extends AbstractReactiveHealthIndicator {

    private static final String PROBE_ID = "promptkit-health-probe";
    /** A backstop above the stores' own time-outs (3 s by default), which name the store and what failed. */
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(5);

    private final ProviderRegistry providers;
    private final StateStore stateStore;
    private final McpServers mcpServers;

    public PromptKitHealthIndicator(ProviderRegistry providers, StateStore stateStore, McpServers mcpServers) {
        super("PromptKit health check failed");
        this.providers = providers;
        this.stateStore = stateStore;
        this.mcpServers = mcpServers;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        builder.withDetail("providers", providers.asMap().keySet()).withDetail("defaultProvider", providers.defaultName())
                .withDetail("stateStore", stateStore.getClass().getSimpleName());
        Map<String, String> mcp = new TreeMap<>();
        if (mcpServers != null) {
            for (McpServer server : mcpServers.servers()) {
                mcp.put(server.name(), server.status() == McpServerStatus.DOWN
                        ? "DOWN: " + server.lastError().orElse("unknown error") : server.status().name());
            }
        }
        builder.withDetail("mcpServers", mcp);
        return stateStore.load(PROBE_ID).then(Mono.fromSupplier(() -> builder.up().build()))
                .timeout(STORE_TIMEOUT, Mono.error(() -> new IllegalStateException("the state store did not answer"
                        + " within " + STORE_TIMEOUT.toSeconds() + " s")))
                .onErrorResume(error -> Mono.just(builder.down().withDetail("stateStoreError",
                        String.valueOf(error.getMessage())).build()));
    }
}
