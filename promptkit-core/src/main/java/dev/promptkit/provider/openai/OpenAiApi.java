/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which of OpenAI's APIs an {@link OpenAiProvider} calls: the Responses API ({@code POST {base}/responses}) or Chat
 * Completions ({@code POST {base}/chat/completions}). Unless one is configured, {@link #choose} decides per call.
 *
 * @since 0.1.0
 */
public enum OpenAiApi {

    /** The Responses API: semantic stream events, reasoning summaries, encrypted reasoning carried across rounds. */
    RESPONSES("responses"),

    /** Chat Completions, which OpenAI and every compatible server speak. */
    CHAT_COMPLETIONS("chat-completions");

    private static final String OPENAI_HOST = "api.openai.com";

    private final String value;

    OpenAiApi(String value) {
        this.value = value;
    }

    /** The name in configuration: {@code responses} or {@code chat-completions}. */
    public String value() {
        return value;
    }

    /** The configuration names of all APIs, in declaration order. */
    public static List<String> configurationValues() {
        return Arrays.stream(values()).map(OpenAiApi::value).toList();
    }

    /**
     * The API named {@code value} ({@code responses} or {@code chat-completions}, in any case).
     *
     * @throws IllegalArgumentException naming the valid values, for any other
     */
    public static OpenAiApi of(String value) {
        String name = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (OpenAiApi api : values()) {
            if (api.value.equals(name)) {
                return api;
            }
        }
        throw new IllegalArgumentException("Unknown OpenAI API '" + value + "'; valid values: "
                + String.join(", ", configurationValues()));
    }

    /**
     * The API a call to {@code model} goes to: the {@code configured} one when there is one; else Chat Completions
     * for a base URL that is not OpenAI's own (compatible servers, proxies, Azure OpenAI); else the Responses API
     * for the models that only it serves ({@code o1-pro}, {@code o3-pro}, {@code gpt-5-pro}, the Codex and
     * deep-research models, {@code computer-use-preview}) and Chat Completions for the rest.
     *
     * @param configured the API configured for the provider, or {@code null} to choose by model and base URL
     */
    public static OpenAiApi choose(OpenAiApi configured, String baseUrl, String model) {
        if (configured != null) {
            return configured;
        }
        if (!isOpenAiBaseUrl(baseUrl)) {
            return CHAT_COMPLETIONS;
        }
        return OpenAiModels.needsResponses(model) ? RESPONSES : CHAT_COMPLETIONS;
    }

    /** Whether {@code baseUrl} is OpenAI's own API ({@code api.openai.com}), not a compatible server or Azure. */
    public static boolean isOpenAiBaseUrl(String baseUrl) {
        if (baseUrl == null) {
            return false;
        }
        try {
            String host = URI.create(baseUrl).getHost();
            return host != null && host.toLowerCase(Locale.ROOT).equals(OPENAI_HOST);
        }
        catch (IllegalArgumentException notAUri) {
            return false;
        }
    }
}
