/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

/**
 * Creates providers of one type from a {@link ProviderSpec}. PromptKit has one for each built-in
 * type; a custom provider registers its own, through {@link ProviderFactories#register}, a
 * {@code META-INF/services/dev.promptkit.provider.ProviderFactory} entry, or (in Spring) a bean, so that
 * {@code promptkit.providers.x.type=acme} works. The spec carries the provider's HTTP settings typed
 * ({@link ProviderSpec#http()}: base URL, key, headers, timeouts, pool, concurrency limit, retries) and its
 * {@link ProviderSpec#limits() answer limits}, whether they come from properties or code.
 *
 * <pre>{@code
 * public final class AcmeProviderFactory implements ProviderFactory {
 *     public String type() { return "acme"; }
 *     public Provider create(ProviderSpec spec) { return new AcmeProvider(spec.name(), spec.baseUrl(), spec.apiKey()); }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public interface ProviderFactory {

    String type();

    Provider create(ProviderSpec spec);
}
