/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.media;

import dev.promptkit.autoconfigure.ConversationOptionsCustomizer;
import dev.promptkit.autoconfigure.PromptKitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * Media preprocessing for every conversation of the {@code Conversations} bean ({@code promptkit.media.*}):
 * images shrunk before they are sent, video frames of duplex sessions thinned and shrunk.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = PromptKitAutoConfiguration.class)
@EnableConfigurationProperties(PromptKitMediaProperties.class)
public final class PromptKitMediaAutoConfiguration {

    @Bean
    @Order(ConversationOptionsCustomizer.STARTER_ORDER)
    @ConditionalOnMissingBean(name = "promptKitMediaOptions")
    ConversationOptionsCustomizer promptKitMediaOptions(PromptKitMediaProperties properties) {
        return options -> {
            if (properties.images() != null) {
                options.imagePreprocessing(properties.images().toConfig());
            }
            if (properties.video() != null) {
                options.streamingVideo(properties.video().toConfig());
            }
        };
    }
}
