/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import dev.promptkit.provider.http.ErrorMessageExtractor;
import dev.promptkit.provider.http.FailureTranslator;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.ProviderCallListener;
import dev.promptkit.provider.http.StreamingHttpClient;
import java.util.Map;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The connection of one OpenAI audio service: the shared HTTP layer's client on the service's settings (so
 * error bodies, 401/403 wording, idle timeout and retry before the first byte are the chat providers'), and
 * the {@code Authorization: Bearer} header; its {@link FailureTranslator} words (and redacts) the failures of answers
 * that came but cannot be used.
 */
final class OpenAiAudioClient implements AutoCloseable {

    final String name;
    final String model;
    final StreamingHttpClient http;
    final FailureTranslator failures;
    final Map<String, String> authentication;

    OpenAiAudioClient(String name, String model, HttpProviderSettings settings, WebClient.Builder webClient) {
        this.name = name;
        this.model = model;
        ErrorMessageExtractor errorMessages = ErrorMessageExtractor.jsonPointer("/error/message");
        this.http = new StreamingHttpClient(name, settings, errorMessages, ProviderCallListener.NONE,
                webClient);
        this.failures = new FailureTranslator(name, settings, errorMessages);
        this.authentication = settings.hasApiKey() ? Map.of("Authorization", "Bearer " + settings.apiKey()) : Map.of();
    }

    @Override
    public void close() {
        http.close();
    }
}
