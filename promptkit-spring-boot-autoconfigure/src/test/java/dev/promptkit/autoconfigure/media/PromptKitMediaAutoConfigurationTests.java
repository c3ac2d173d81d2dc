/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.media.ImagePreprocessConfig;
import dev.promptkit.media.VideoStreamConfig;
import dev.promptkit.sdk.Conversations;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PromptKitMediaAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider();

    @Test
    void imagesAndFramesAreSentAsTheyAreUntilOneOfTheirPropertiesIsSet() {
        contextRunner.run(context -> {
            assertThat(context.getBean(Conversations.class).defaults().media().imagePreprocessing()).isNull();
            assertThat(context.getBean(Conversations.class).defaults().media().streamingVideo()).isNull();
        });
    }

    @Test
    void imagePropertiesShrinkTheImagesOfEveryConversation() {
        contextRunner.withPropertyValues("promptkit.media.images.max-width=800", "promptkit.media.images.quality=70")
                .run(context -> assertThat(context.getBean(Conversations.class).defaults().media().imagePreprocessing())
                        .isEqualTo(ImagePreprocessConfig.DEFAULTS.withMaxSize(800, 1024).withQuality(70)));
    }

    @Test
    void videoPropertiesThinAndShrinkTheFramesOfDuplexConversations() {
        contextRunner.withPropertyValues("promptkit.media.video.target-fps=2", "promptkit.media.video.max-width=640",
                "promptkit.media.video.max-height=480").run(context -> assertThat(context.getBean(Conversations.class)
                        .defaults().media().streamingVideo()).isEqualTo(VideoStreamConfig.DEFAULTS.withTargetFps(2)
                                .withMaxSize(640, 480)));
    }
}
