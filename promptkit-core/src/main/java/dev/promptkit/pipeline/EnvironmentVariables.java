/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import java.util.Locale;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Template variables from environment variables that start with a prefix: the prefix is removed and the
 * rest lower-cased ({@code APP_REGION} becomes {@code region} with prefix {@code APP_}). Read afresh every
 * turn.
 *
 * @since 0.1.0
 */
public final class EnvironmentVariables implements VariableProvider {

    private final String prefix;
    private final Map<String, String> environment;

    public EnvironmentVariables(String prefix) {
        this(prefix, System.getenv());
    }

    /** Over a given environment (tests pass a map). */
    public EnvironmentVariables(String prefix, Map<String, String> environment) {
        if (prefix == null || prefix.isEmpty()) {
            throw new IllegalArgumentException("An environment variable prefix must not be empty: it would expose"
                    + " every environment variable to the templates");
        }
        this.prefix = prefix;
        this.environment = environment;
    }

    @Override
    public Mono<Map<String, String>> variables(TurnRequest turn) {
        return Mono.fromSupplier(() -> PrefixedEntries.select(environment, prefix,
                name -> name.toLowerCase(Locale.ROOT)));
    }
}
