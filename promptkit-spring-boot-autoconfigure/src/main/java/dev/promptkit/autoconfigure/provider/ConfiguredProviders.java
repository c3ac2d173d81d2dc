package dev.promptkit.autoconfigure.provider;

import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderFactories;
import dev.promptkit.provider.ProviderRegistry;
import dev.promptkit.provider.ProviderSpec;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.ProviderDetection;
import dev.promptkit.sdk.ProviderNotDetectedException;
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
        return new ProviderSpec(name, type, config.apiKey(), config.baseUrl(), config.model(), config.headers(),
                new HashMap<>(config.options()));
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
