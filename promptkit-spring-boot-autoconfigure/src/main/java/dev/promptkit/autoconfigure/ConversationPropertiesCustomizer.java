/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import dev.promptkit.sdk.ConversationOptions;

/**
 * Applies {@code promptkit.conversation.*}: the idle and tool timeouts, tool-call parallelism, agent limits, the token
 * budget and the reasoning settings.
 */
record ConversationPropertiesCustomizer(PromptKitProperties.ConversationDefaults properties)
        implements ConversationOptionsCustomizer {

    @Override
    public void customize(ConversationOptions.Builder options) {
        options.provider(provider -> provider.withIdleTimeout(properties.idleTimeout())
                .withReasoning(properties.reasoning().toSettings()))
                .tools(tools -> tools.withTimeout(properties.toolTimeout())
                        .withMaxParallel(properties.maxParallelToolCalls())
                        .withAgentLimits(properties.agents().toLimits()));
        if (properties.tokenBudget() > 0) {
            options.context(context -> context.withTokenBudget(properties.tokenBudget())
                    .withTruncation(properties.truncation()));
        }
    }
}
