/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.provider.ModelPricing;
import dev.promptkit.provider.Provider;
import dev.promptkit.types.ModelParameters;
import dev.promptkit.types.ReasoningSettings;
import dev.promptkit.types.ResponseFormat;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Which provider answers a conversation, and how it is asked: part of {@link ConversationOptions}. Change it with
 * {@code ConversationOptions.builder().provider(provider -> provider.withIdleTimeout(...))}. {@link #toString()}
 * never shows the API key.
 *
 * @param instance the provider to use; {@code null} to detect one from the model name and the environment
 * @param model the model to ask for; {@code null} for the provider's default
 * @param apiKey the API key of a detected provider; {@code null} to read it from the environment
 * @param mockFallback whether the mock provider serves when none is set or detected (else opening fails with a
 *     {@link ProviderNotDetectedException})
 * @param parameters laid over the pack's parameters (non-null values win)
 * @param responseFormat the answer's format, or {@code null} for the pack's
 * @param pricing model prices overriding the provider's built-in table, by model
 * @param idleTimeout the longest wait for the provider's next chunk before the turn fails; {@link Duration#ZERO} for
 *     none
 * @param metadata values passed to the provider with every request (for example {@code mock_scenario_id})
 *
 * @since 0.1.0
 */
public record ProviderOptions(Provider instance, String model, String apiKey, boolean mockFallback,
        ModelParameters parameters, ResponseFormat responseFormat, Map<String, ModelPricing> pricing,
        Duration idleTimeout, Map<String, Object> metadata) {

    /** The default longest wait for the provider's next chunk. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    /** A detected provider, its default model, the mock as fallback, the pack's parameters, a 30 s idle timeout. */
    public static final ProviderOptions DEFAULTS = new ProviderOptions(null, null, null, true,
            ModelParameters.DEFAULTS, null, Map.of(), DEFAULT_IDLE_TIMEOUT, Map.of());

    public ProviderOptions {
        OptionValues.optionalText(model, "model");
        OptionValues.optionalText(apiKey, "apiKey");
        Objects.requireNonNull(parameters, "parameters");
        pricing = OptionValues.copy(pricing, "pricing");
        if (Objects.requireNonNull(idleTimeout, "idleTimeout").isNegative()) {
            throw new IllegalArgumentException("idleTimeout must not be negative, was " + idleTimeout);
        }
        metadata = OptionValues.copy(metadata, "metadata");
    }

    public ProviderOptions withInstance(Provider provider) {
        return new ProviderOptions(provider, model, apiKey, mockFallback, parameters, responseFormat, pricing,
                idleTimeout, metadata);
    }

    public ProviderOptions withModel(String name) {
        return new ProviderOptions(instance, name, apiKey, mockFallback, parameters, responseFormat, pricing,
                idleTimeout, metadata);
    }

    public ProviderOptions withApiKey(String key) {
        return new ProviderOptions(instance, model, key, mockFallback, parameters, responseFormat, pricing,
                idleTimeout, metadata);
    }

    /** With {@code false}, opening fails with {@link ProviderNotDetectedException} instead of using the mock. */
    public ProviderOptions withMockFallback(boolean fallback) {
        return new ProviderOptions(instance, model, apiKey, fallback, parameters, responseFormat, pricing,
                idleTimeout, metadata);
    }

    /** These options with other parameters to lay over the pack's (non-null values win). */
    public ProviderOptions withParameters(ModelParameters overrides) {
        return new ProviderOptions(instance, model, apiKey, mockFallback, overrides, responseFormat, pricing,
                idleTimeout, metadata);
    }

    public ProviderOptions withTemperature(double temperature) {
        return withParameters(parameters.overriddenBy(new ModelParameters(temperature, null, null, null, null, null,
                null)));
    }

    public ProviderOptions withMaxTokens(int maxTokens) {
        return withParameters(parameters.overriddenBy(new ModelParameters(null, maxTokens, null, null, null, null,
                null)));
    }

    /** These options with {@code settings} laid over the reasoning settings (non-null values win). */
    public ProviderOptions withReasoning(ReasoningSettings settings) {
        return withParameters(parameters.withReasoning(settings));
    }

    public ProviderOptions withResponseFormat(ResponseFormat format) {
        return new ProviderOptions(instance, model, apiKey, mockFallback, parameters, format, pricing, idleTimeout,
                metadata);
    }

    /** These options with the price of {@code forModel}, overriding the provider's built-in table. */
    public ProviderOptions withPricing(String forModel, ModelPricing price) {
        return new ProviderOptions(instance, model, apiKey, mockFallback, parameters, responseFormat,
                OptionValues.plus(pricing, forModel, price), idleTimeout, metadata);
    }

    public ProviderOptions withIdleTimeout(Duration timeout) {
        return new ProviderOptions(instance, model, apiKey, mockFallback, parameters, responseFormat, pricing, timeout,
                metadata);
    }

    /** These options with a value passed to the provider with every request. */
    public ProviderOptions withMetadata(String key, Object value) {
        return new ProviderOptions(instance, model, apiKey, mockFallback, parameters, responseFormat, pricing,
                idleTimeout, OptionValues.plus(metadata, key, value));
    }

    @Override
    public String toString() {
        return "ProviderOptions[instance=" + (instance == null ? "detected" : instance.name()) + ", model=" + model
                + ", apiKey=" + (apiKey == null ? "none" : "******") + ", mockFallback=" + mockFallback
                + ", parameters=" + parameters + ", responseFormat=" + responseFormat + ", pricing=" + pricing.keySet()
                + ", idleTimeout=" + idleTimeout + ", metadata=" + metadata.keySet() + "]";
    }
}
