/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import dev.promptkit.sdk.Conversations;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the voice socket at {@code /api/voice} to the app's own page and the origins of
 * {@code sample.voice.allowed-origins}: a browser on another page (which would speak with the user's cookies) is
 * refused at the handshake.
 */
@Configuration(proxyBeanMethods = false)
class VoiceSocketConfiguration {

    static final String PATH = "/api/voice";

    @Bean
    HandlerMapping voiceSocketMapping(Conversations conversations, SampleProperties properties, VoiceSessions sessions,
            JsonMapper json) {
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of(PATH, new VoiceSocketHandler(conversations,
                properties, sessions, json)), -1);
        CorsConfiguration origins = new CorsConfiguration();
        origins.setAllowedOrigins(properties.voice().allowedOrigins());
        origins.addAllowedMethod("GET");
        mapping.setCorsConfigurations(Map.of(PATH, origins));
        return mapping;
    }
}
