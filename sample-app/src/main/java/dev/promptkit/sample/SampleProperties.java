/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sample's own settings.
 *
 * @param prompt the prompt new conversations use unless the request names another
 * @param maxMessageLength the longest message or rejection reason accepted (longer ones get 413)
 * @param voice the voice socket's settings
 */
@ConfigurationProperties("sample")
public record SampleProperties(@DefaultValue("support") String prompt, @DefaultValue("4000") int maxMessageLength,
        @DefaultValue Voice voice) {

    /**
     * @param allowedOrigins the pages (such as {@code https://app.example.com}) that may open {@code /api/voice}
     *     besides the app's own; a browser on any other page is refused with 403
     */
    public record Voice(@DefaultValue List<String> allowedOrigins) {
    }
}
