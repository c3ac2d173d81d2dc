/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.media.ImagePreprocessStage;
import dev.promptkit.media.MediaLimits;
import dev.promptkit.media.MediaValidationStage;
import dev.promptkit.pack.Prompt;
import dev.promptkit.pipeline.PipelineBuilder;
import dev.promptkit.pipeline.ProviderStage;

/**
 * Places the media stages just before the provider, after the context budget and input validation (which are
 * cheaper, and look at text only): image preprocessing when the options ask for it, then the prompt's media limits
 * when it has a {@code media} section. Limits come last so that they judge what is sent: preprocessing may bring an
 * oversized image within them.
 */
final class MediaStages {

    private MediaStages() {
    }

    static void install(PipelineBuilder pipeline, Prompt prompt, ConversationOptions options) {
        if (options.media().imagePreprocessing() != null) {
            pipeline.insertBefore(ProviderStage.NAME, new ImagePreprocessStage(options.media().imagePreprocessing()));
        }
        if (prompt.media() != null) {
            pipeline.insertBefore(ProviderStage.NAME, new MediaValidationStage(new MediaLimits(prompt.media())));
        }
    }
}
