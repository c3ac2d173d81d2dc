/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.voice.openai;

import dev.promptkit.provider.http.HttpProviderSettings;
import java.util.Objects;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What the OpenAI audio services are built from: a name (for errors and the connection pool), a model, the HTTP
 * settings (API key, base URL, timeouts, retry; the base URL defaults to OpenAI's) and a {@code WebClient.Builder}.
 *
 * @param <B> the service's builder
 * @param <S> the service
 *
 * @since 0.1.0
 */
public abstract class OpenAiAudioBuilder<B extends OpenAiAudioBuilder<B, S>, S> {

    /** OpenAI's API root. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    String name;
    String model;
    HttpProviderSettings settings = HttpProviderSettings.builder().build();
    WebClient.Builder webClient = WebClient.builder();

    OpenAiAudioBuilder(String name, String model) {
        this.name = name;
        this.model = model;
    }

    /** The name used in error messages and for the connection pool. */
    public B name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return self();
    }

    public B model(String model) {
        this.model = Objects.requireNonNull(model, "model");
        return self();
    }

    /** API key, base URL ({@value #DEFAULT_BASE_URL} when unset), extra headers, timeouts and retry. */
    public B settings(HttpProviderSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return self();
    }

    /** The {@code WebClient.Builder} to start from (cloned, not changed), such as Spring Boot's. */
    public B webClient(WebClient.Builder webClient) {
        this.webClient = Objects.requireNonNull(webClient, "webClient");
        return self();
    }

    public abstract S build();

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
