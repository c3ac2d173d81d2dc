/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.provider;

import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderFactories;
import dev.promptkit.provider.ProviderRegistry;
import dev.promptkit.provider.ProviderSpec;
import dev.promptkit.provider.mock.MockScriptException;
import dev.promptkit.sdk.ProviderDetection;
import dev.promptkit.sdk.ProviderNotDetectedException;
import dev.promptkit.sdk.ProviderOptions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * Builds the application's {@link ProviderRegistry}: the user's own {@link Provider} beans, then the
 * providers of {@code promptkit.providers.*} (one whose API key is blank, an unresolved placeholder, or missing
 * for its vendor's API is answered by the mock, with one WARN line, or fails start-up when the mock is disabled);
 * with neither, the one detected from API keys in the environment; with none of those, the mock provider (said
 * once in the log). Configuration that gives no provider fails with a {@link ProviderConfigurationException}.
 */
final class ConfiguredProviders {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredProviders.class);

    /** The environment variables that name a provider, as detection reads them (base URLs aside). */
    private static final List<String> DETECTING_VARIABLES = ProviderDetection.ENVIRONMENT_VARIABLES.stream()
            .filter(variable -> !variable.endsWith("_BASE_URL")).toList();

    private final PromptKitProviderProperties properties;
    private final ProviderFactories factories;
    private final Environment environment;
    private final ClassLoader classLoader;

    ConfiguredProviders(PromptKitProviderProperties properties, ProviderFactories factories, Environment environment,
            ClassLoader classLoader) {
        this.properties = properties;
        this.factories = factories;
        this.environment = environment;
        this.classLoader = classLoader;
    }

    ProviderRegistry registry(List<Provider> beans) {
        Map<String, Provider> providers = new LinkedHashMap<>();
        beans.forEach(provider -> providers.put(provider.name(), provider));
        properties.providers().forEach((name, config) -> providers.put(name, configured(name, config)));
        if (providers.isEmpty()) {
            Provider detected = detected();
            providers.put(detected.name(), detected);
        }
        String defaultName = properties.defaultProvider() != null ? properties.defaultProvider()
                : providers.keySet().iterator().next();
        if (!providers.containsKey(defaultName)) {
            throw new ProviderConfigurationException("promptkit.default-provider", "promptkit.default-provider is '"
                    + defaultName + "', which is not one of the providers " + providers.keySet() + ".",
                    "Set promptkit.default-provider to one of " + providers.keySet()
                            + ", or configure a provider of that name under promptkit.providers." + defaultName + ".",
                    null);
        }
        return new ProviderRegistry(providers, defaultName);
    }

    /**
     * The provider of {@code promptkit.providers.<name>}; the mock in its place (said in one WARN line) when its API
     * key does not count as configured and the mock may serve.
     */
    private Provider configured(String name, PromptKitProviderProperties.Provider config) {
        String type = config.type() != null ? config.type() : name;
        String prefix = "promptkit.providers." + name;
        Optional<MissingApiKey> missingKey = config.platform() != null ? Optional.empty()
                : MissingApiKey.of(type, config.apiKey(), config.baseUrl());
        if (missingKey.isPresent()) {
            MissingApiKey missing = missingKey.get();
            String problem = prefix + ".api-key " + missing.problem();
            if (!properties.mock().enabled()) {
                throw new ProviderConfigurationException(prefix + ".api-key", "Provider '" + name
                        + "' has no API key: " + problem + ", and the mock provider may not answer in its place "
                        + "(promptkit.mock.enabled=false).", capitalized(missing.fix()) + " (" + prefix
                        + ".api-key), remove " + prefix + ", or set promptkit.mock.enabled=true to let the mock "
                        + "provider answer in its place.", null);
            }
            log.warn("Provider '{}' has no API key ({}): the mock provider answers in its place; {} to use {}",
                    name, problem, missing.fix(), type);
            return create(prefix, ConfiguredProviderSpec.mock(name, properties.mock()));
        }
        return create(prefix, ConfiguredProviderSpec.of(name, type, config, classLoader));
    }

    private Provider create(String prefix, ProviderSpec spec) {
        try {
            return factories.create(spec);
        }
        catch (IllegalArgumentException | MockScriptException invalid) {
            throw new ProviderConfigurationException(prefix, "Provider '" + spec.name() + "' cannot be created: "
                    + invalid.getMessage(), "Correct the properties under " + prefix + ".", invalid);
        }
    }

    private Provider detected() {
        try {
            return new ProviderDetection(environmentVariables(), factories)
                    .provider(ProviderOptions.DEFAULTS.withMockFallback(false));
        }
        catch (ProviderNotDetectedException none) {
            PromptKitProviderProperties.Mock mock = properties.mock();
            if (!mock.enabled()) {
                throw new ProviderConfigurationException("promptkit.mock.enabled", "No LLM provider is configured "
                        + "(promptkit.providers.*) and none was detected from the environment ("
                        + String.join(", ", DETECTING_VARIABLES) + "), and the mock provider is disabled "
                        + "(promptkit.mock.enabled=false).", "Configure a provider under promptkit.providers.<name> "
                        + "(type, api-key, model), set one of " + String.join(", ", DETECTING_VARIABLES)
                        + ", or set promptkit.mock.enabled=true.", none);
            }
            log.info("No LLM provider configured (promptkit.providers.*) and no API key in the environment: "
                    + "conversations use the built-in mock provider");
            return create("promptkit.mock", ConfiguredProviderSpec.mock("mock", mock));
        }
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
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
