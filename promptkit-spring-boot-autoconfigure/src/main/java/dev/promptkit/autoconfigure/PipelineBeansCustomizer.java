/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import dev.promptkit.pipeline.Stage;
import dev.promptkit.pipeline.VariableProvider;
import dev.promptkit.sdk.ConversationOptions;
import java.util.List;

/**
 * Adds the application's {@link Stage} beans (where a {@code PlacedStage} says, else right after the provider) and
 * {@link VariableProvider} beans to every conversation, in {@code @Order} order.
 */
record PipelineBeansCustomizer(List<Stage> stages, List<VariableProvider> variableProviders)
        implements ConversationOptionsCustomizer {

    @Override
    public void customize(ConversationOptions.Builder options) {
        stages.forEach(options::stage);
        variableProviders.forEach(options::variableProvider);
    }
}
