/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.voice;

import dev.promptkit.autoconfigure.provider.MissingApiKey;
import dev.promptkit.autoconfigure.provider.PromptKitProviderProperties;
import dev.promptkit.provider.http.HttpProviderSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * Where VAD mode's OpenAI speech services connect, with which key, and where that key was found:
 * {@code promptkit.voice.openai.*}, else the {@code openai} provider's settings, else {@code OPENAI_API_KEY} and
 * {@code OPENAI_BASE_URL}. The key never leaves this object except into the services' settings.
 *
 * @param baseUrl the API's base URL, or {@code null} for OpenAI's
 * @param apiKey the key, or {@code null} (a compatible server may need none)
 * @param keySource where the key was found, for the actuator: a property, a provider, a variable, or {@code none}
 *
 * @since 0.1.0
 */
public record OpenAiSpeechEndpoint(String baseUrl, String apiKey, String keySource) {

    private static final String OPENAI = "openai";

    /** Resolves the endpoint from the voice properties, the providers and the environment. */
    static OpenAiSpeechEndpoint resolve(PromptKitVoiceProperties.OpenAi voice,
            PromptKitProviderProperties providers, Environment environment) {
        if (hasText(voice.apiKey())) {
            return new OpenAiSpeechEndpoint(voice.baseUrl(), voice.apiKey(), "promptkit.voice.openai.api-key");
        }
        Optional<Map.Entry<String, PromptKitProviderProperties.Provider>> provider = openAiProvider(providers);
        if (provider.isPresent()) {
            PromptKitProviderProperties.Provider settings = provider.get().getValue();
            return new OpenAiSpeechEndpoint(voice.baseUrl() != null ? voice.baseUrl() : settings.baseUrl(),
                    settings.apiKey(), "promptkit.providers." + provider.get().getKey() + ".api-key");
        }
        String variable = environment.getProperty("OPENAI_API_KEY");
        if (hasText(variable)) {
            return new OpenAiSpeechEndpoint(voice.baseUrl() != null ? voice.baseUrl()
                    : environment.getProperty("OPENAI_BASE_URL"), variable, "OPENAI_API_KEY");
        }
        return new OpenAiSpeechEndpoint(voice.baseUrl(), null, "none");
    }

    /** The default provider when it is an OpenAI one with a key, else the first such. */
    private static Optional<Map.Entry<String, PromptKitProviderProperties.Provider>> openAiProvider(
            PromptKitProviderProperties providers) {
        String preferred = providers.defaultProvider();
        if (preferred != null && isOpenAiWithKey(preferred, providers.providers().get(preferred))) {
            return Optional.of(Map.entry(preferred, providers.providers().get(preferred)));
        }
        return providers.providers().entrySet().stream()
                .filter(entry -> isOpenAiWithKey(entry.getKey(), entry.getValue())).findFirst();
    }

    private static boolean isOpenAiWithKey(String name, PromptKitProviderProperties.Provider provider) {
        return provider != null && OPENAI.equals(provider.type() != null ? provider.type() : name)
                && hasText(provider.apiKey());
    }

    /** The HTTP settings of a speech service on this endpoint. */
    HttpProviderSettings settings() {
        return HttpProviderSettings.builder().baseUrl(baseUrl).apiKey(apiKey).build();
    }

    /** Base URL, masked key and its source, for the actuator. */
    Map<String, Object> describe() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("baseUrl", baseUrl != null ? baseUrl : "default");
        description.put("apiKey", hasText(apiKey) ? "******" : "none");
        description.put("keySource", keySource);
        return description;
    }

    @Override
    public String toString() {
        return "OpenAiSpeechEndpoint[baseUrl=" + baseUrl + ", apiKey=" + (hasText(apiKey) ? "******" : "none")
                + ", keySource=" + keySource + "]";
    }

    /** A key that is set: not blank, and not a {@code ${...}} placeholder left unresolved. */
    private static boolean hasText(String value) {
        return value != null && !value.isBlank() && !MissingApiKey.isUnresolvedPlaceholder(value);
    }
}
