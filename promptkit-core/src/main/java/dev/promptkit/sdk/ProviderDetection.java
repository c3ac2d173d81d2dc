/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderFactories;
import dev.promptkit.provider.ProviderSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the provider for a conversation whose options name none: by the model name ({@code gpt-*}, {@code o1*},
 * {@code o3*}, {@code o4*}, {@code chatgpt-*} → OpenAI; {@code claude*} → Anthropic; {@code gemini*} → Gemini;
 * {@code name:tag} → Ollama; {@code mock*} → the mock), else by the first API key in the environment
 * ({@code OPENAI_API_KEY} with {@code OPENAI_BASE_URL}, {@code ANTHROPIC_API_KEY}, {@code GEMINI_API_KEY} or
 * {@code GOOGLE_API_KEY}, then {@code OLLAMA_HOST}), else the mock, with one log line, unless the fallback is off
 * ({@link ProviderNotDetectedException}). Detected providers are created once and shared, pools included.
 *
 * @since 0.1.0
 */
public final class ProviderDetection {

    private static final Logger log = LoggerFactory.getLogger(ProviderDetection.class);
    private static final ProviderDetection FROM_ENVIRONMENT = new ProviderDetection(System.getenv(),
            ProviderFactories.discover());

    private record Vendor(String type, List<String> keyVariables, String baseUrlVariable) {
    }

    private static final List<Vendor> VENDORS = List.of(
            new Vendor("openai", List.of("OPENAI_API_KEY"), "OPENAI_BASE_URL"),
            new Vendor("anthropic", List.of("ANTHROPIC_API_KEY"), "ANTHROPIC_BASE_URL"),
            new Vendor("gemini", List.of("GEMINI_API_KEY", "GOOGLE_API_KEY"), "GEMINI_BASE_URL"),
            new Vendor("ollama", List.of(), "OLLAMA_HOST"));

    /** Every environment variable detection reads. */
    public static final List<String> ENVIRONMENT_VARIABLES = List.of("OPENAI_API_KEY", "OPENAI_BASE_URL",
            "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "GEMINI_API_KEY", "GOOGLE_API_KEY", "GEMINI_BASE_URL",
            "OLLAMA_HOST");

    private final Map<String, String> environment;
    private final ProviderFactories factories;
    private final Map<ProviderSpec, Provider> created = new ConcurrentHashMap<>();
    private volatile boolean mockAnnounced;

    public ProviderDetection(Map<String, String> environment, ProviderFactories factories) {
        this.environment = Map.copyOf(environment);
        this.factories = factories;
    }

    /** Detection over this process's environment variables and the discovered factories. */
    public static ProviderDetection fromEnvironment() {
        return FROM_ENVIRONMENT;
    }

    /** The options' provider, else the detected one, else the mock (see the class comment). */
    public Provider provider(ProviderOptions options) {
        if (options.instance() != null) {
            return options.instance();
        }
        Vendor vendor = options.model() != null ? vendorOfModel(options.model()) : null;
        if (vendor == null && options.model() != null && options.model().toLowerCase(Locale.ROOT).startsWith("mock")) {
            return mock(options);
        }
        if (vendor == null) {
            vendor = VENDORS.stream().filter(this::configured).findFirst().orElse(null);
        }
        if (vendor == null && options.apiKey() != null) {
            vendor = VENDORS.get(0);
        }
        if (vendor == null) {
            return mock(options);
        }
        String key = options.apiKey() != null ? options.apiKey() : key(vendor);
        if (key == null && !vendor.type().equals("ollama") && env(vendor.baseUrlVariable()) == null) {
            throw new ProviderNotDetectedException("Model '" + options.model() + "' needs the " + vendor.type()
                    + " provider, but " + String.join(" or ", vendor.keyVariables()) + " is not set");
        }
        return created.computeIfAbsent(ProviderSpec.of(vendor.type(), key, env(vendor.baseUrlVariable())),
                factories::create);
    }

    private Provider mock(ProviderOptions options) {
        if (!options.mockFallback()) {
            throw new ProviderNotDetectedException("No LLM provider configured and none detected: set "
                    + "OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY (or GOOGLE_API_KEY) or OLLAMA_HOST, "
                    + "or pass a provider in the options");
        }
        if (!mockAnnounced) {
            mockAnnounced = true;
            log.info("No LLM provider configured and no API key found (OPENAI_API_KEY, ANTHROPIC_API_KEY, "
                    + "GEMINI_API_KEY, GOOGLE_API_KEY, OLLAMA_HOST): using the built-in mock provider");
        }
        return created.computeIfAbsent(ProviderSpec.of("mock", null, null), factories::create);
    }

    private static Vendor vendorOfModel(String model) {
        String name = model.toLowerCase(Locale.ROOT);
        if (name.startsWith("gpt") || name.startsWith("o1") || name.startsWith("o3") || name.startsWith("o4")
                || name.startsWith("chatgpt")) {
            return VENDORS.get(0);
        }
        if (name.startsWith("claude")) {
            return VENDORS.get(1);
        }
        if (name.startsWith("gemini")) {
            return VENDORS.get(2);
        }
        return name.contains(":") ? VENDORS.get(3) : null;
    }

    private boolean configured(Vendor vendor) {
        return vendor.keyVariables().isEmpty() ? env(vendor.baseUrlVariable()) != null : key(vendor) != null;
    }

    private String key(Vendor vendor) {
        return vendor.keyVariables().stream().map(this::env).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
    }

    private String env(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
