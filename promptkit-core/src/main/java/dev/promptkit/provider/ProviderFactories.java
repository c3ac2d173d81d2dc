/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider factories known by type name: the built-in ones, those found with {@link ServiceLoader},
 * and those registered in code (a later registration of a type replaces an earlier one).
 *
 * @since 0.1.0
 */
public final class ProviderFactories {

    private final Map<String, ProviderFactory> byType = new ConcurrentHashMap<>();

    private ProviderFactories() {
    }

    /** The built-in factories plus every {@link ProviderFactory} on the class path's service list. */
    public static ProviderFactories discover() {
        return discover(ProviderHost.STANDALONE);
    }

    /** The same, with the built-in HTTP providers reporting to and built from what {@code host} lends. */
    public static ProviderFactories discover(ProviderHost host) {
        ProviderFactories factories = new ProviderFactories();
        BuiltInProviderFactories.all(host).forEach(factories::register);
        ServiceLoader.load(ProviderFactory.class).forEach(factories::register);
        return factories;
    }

    public ProviderFactories register(ProviderFactory factory) {
        byType.put(factory.type(), factory);
        return this;
    }

    /**
     * Creates a provider.
     *
     * @throws IllegalArgumentException when no factory knows the spec's type (the message lists the known ones)
     */
    public Provider create(ProviderSpec spec) {
        ProviderFactory factory = byType.get(spec.type());
        if (factory == null) {
            throw new IllegalArgumentException("Unknown provider type '" + spec.type() + "' for provider '"
                    + spec.name() + "'; known types are " + types());
        }
        return factory.create(spec);
    }

    public Set<String> types() {
        return new TreeSet<>(byType.keySet());
    }
}
