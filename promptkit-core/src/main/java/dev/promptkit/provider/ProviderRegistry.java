/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The providers an application has, by name, and which one conversations use unless told otherwise.
 * Several providers of one type can live side by side under different names.
 *
 * @since 0.1.0
 */
public final class ProviderRegistry implements AutoCloseable {

    private final Map<String, Provider> providers;
    private final String defaultName;

    /**
     * @throws IllegalArgumentException when {@code providers} is empty or does not contain {@code defaultName}
     */
    public ProviderRegistry(Map<String, Provider> providers, String defaultName) {
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("A provider registry needs at least one provider");
        }
        if (!providers.containsKey(defaultName)) {
            throw new IllegalArgumentException("The default provider '" + defaultName + "' is not one of the providers "
                    + providers.keySet());
        }
        this.providers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(providers));
        this.defaultName = defaultName;
    }

    /**
     * The provider of that name.
     *
     * @throws IllegalArgumentException naming the known providers when there is none of that name
     */
    public Provider get(String name) {
        Provider provider = providers.get(name);
        if (provider == null) {
            throw new IllegalArgumentException("No provider named '" + name + "'; the providers are "
                    + providers.keySet());
        }
        return provider;
    }

    public Provider defaultProvider() {
        return providers.get(defaultName);
    }

    public String defaultName() {
        return defaultName;
    }

    /** Every provider by name, in configuration order. */
    public Map<String, Provider> asMap() {
        return providers;
    }

    /** Closes every provider (their connection pools, processes). */
    @Override
    public void close() {
        providers.values().forEach(Provider::close);
    }
}
