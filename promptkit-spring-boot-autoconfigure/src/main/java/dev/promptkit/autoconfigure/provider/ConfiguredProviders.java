/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.provider;

import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderFactories;
import dev.promptkit.provider.ProviderRegistry;
import dev.promptkit.provider.ProviderSpec;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.ProviderDetection;
import dev.promptkit.sdk.ProviderNotDetectedException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * Builds the application's {@link ProviderRegistry}: the user's own {@link Provider} beans, then the
 * providers of {@code promptkit.providers.*}; with neither, the one detected from API keys in the
 * environment; with none of those, the mock provider (said once in the log).
 */
final class ConfiguredProviders {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredProviders.class);

    private final PromptKitProviderProperties properties;
    private final ProviderFactories factories;
    private final Environment environment;

    ConfiguredProviders(PromptKitProviderProperties properties, ProviderFactories factories, Environment environment) {
        this.properties = properties;
        this.factories = factories;
        this.environment = environment;
    }

    ProviderRegistry registry(List<Provider> beans) {
        Map<String, Provider> providers = new LinkedHashMap<>();
        beans.forEach(provider -> providers.put(provider.name(), provider));
        properties.providers().forEach((name, config) -> providers.put(name, factories.create(spec(name, config))));
        if (providers.isEmpty()) {
            Provider detected = detected();
            providers.put(detected.name(), detected);
        }
        String defaultName = properties.defaultProvider() != null ? properties.defaultProvider()
                : providers.keySet().iterator().next();
        return new ProviderRegistry(providers, defaultName);
    }

    private Provider detected() {
        try {
            return new ProviderDetection(environmentVariables(), factories)
                    .provider(ConversationOptions.builder().disableMockFallback().build());
        }
        catch (ProviderNotDetectedException none) {
            PromptKitProviderProperties.Mock mock = properties.mock();
            if (!mock.enabled()) {
                throw new ProviderNotDetectedException(none.getMessage() + ", or configure promptkit.providers.<name>"
                        + " (the mock provider is disabled by promptkit.mock.enabled=false)");
            }
            log.info("No LLM provider configured (promptkit.providers.*) and no API key in the environment: "
                    + "conversations use the built-in mock provider");
            return factories.create(mockSpec(mock));
        }
    }

    private static ProviderSpec mockSpec(PromptKitProviderProperties.Mock mock) {
        Map<String, Object> options = new HashMap<>();
        if (mock.script() != null) {
            options.put("script", mock.script());
        }
        options.put("chunk-size", mock.chunkSize());
        options.put("chunk-delay", mock.chunkDelay().toMillis() + "ms");
        return new ProviderSpec("mock", "mock", null, null, null, null, options);
    }

    private static ProviderSpec spec(String name, PromptKitProviderProperties.Provider config) {
        String type = config.type() != null ? config.type() : name;
        Map<String, Object> options = new HashMap<>(config.options());
        httpOptions(config.http(), options);
        limitOptions(config.limits(), options);
        return new ProviderSpec(name, type, config.apiKey(), config.baseUrl(), config.model(), config.headers(),
                options);
    }

    /** The typed {@code http} properties as the spec's {@code http.*} options (durations in milliseconds). */
    private static void httpOptions(PromptKitProviderProperties.Http http, Map<String, Object> options) {
        PromptKitProviderProperties.Retry retry = http.retry();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("connect-timeout", millis(http.connectTimeout()));
        values.put("idle-timeout", millis(http.idleTimeout()));
        values.put("max-connections", http.maxConnections());
        values.put("max-idle-time", millis(http.maxIdleTime()));
        values.put("max-life-time", millis(http.maxLifeTime()));
        values.put("max-in-flight", http.maxInFlight());
        values.put("max-queued", http.maxQueued());
        values.put("max-queue-wait", millis(http.maxQueueWait()));
        values.put("retry.max-retries", retry.maxRetries());
        values.put("retry.initial-backoff", millis(retry.initialBackoff()));
        values.put("retry.max-backoff", millis(retry.maxBackoff()));
        values.put("retry.max-retry-after", millis(retry.maxRetryAfter()));
        values.put("retry.budget-per-second", retry.budgetPerSecond());
        values.put("retry.budget-burst", retry.budgetBurst());
        values.forEach((key, value) -> {
            if (value != null) {
                options.put("http." + key, value);
            }
        });
    }

    /** The typed {@code limits} properties as the spec's {@code limits.*} options. */
    private static void limitOptions(PromptKitProviderProperties.Limits limits, Map<String, Object> options) {
        if (limits.maxAnswerChars() != null) {
            options.put("limits.max-answer-chars", limits.maxAnswerChars());
        }
        if (limits.maxAnswerTokens() != null) {
            options.put("limits.max-answer-tokens", limits.maxAnswerTokens());
        }
    }

    private static String millis(Duration duration) {
        return duration == null ? null : duration.toMillis() + "ms";
    }

    private Map<String, String> environmentVariables() {
        Map<String, String> values = new HashMap<>();
        for (String variable : ProviderDetection.ENVIRONMENT_VARIABLES) {
            String value = environment.getProperty(variable);
            if (value != null) {
                values.put(variable, value);
            }
        }
        return values;
    }
}
