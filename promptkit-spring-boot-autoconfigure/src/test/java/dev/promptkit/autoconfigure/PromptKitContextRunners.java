/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import dev.promptkit.autoconfigure.media.PromptKitMediaAutoConfiguration;
import dev.promptkit.autoconfigure.pack.PromptKitPackAutoConfiguration;
import dev.promptkit.autoconfigure.provider.PromptKitProviderAutoConfiguration;
import dev.promptkit.autoconfigure.state.PromptKitStateStoreAutoConfiguration;
import dev.promptkit.autoconfigure.tool.PromptKitToolsAutoConfiguration;
import dev.promptkit.autoconfigure.voice.PromptKitVoiceAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The context runner the starter's tests share: PromptKit's auto-configurations, no API keys, the scripted mock. */
public final class PromptKitContextRunners {

    public static final AutoConfigurations PROMPTKIT = AutoConfigurations.of(PromptKitEventsAutoConfiguration.class,
            PromptKitAutoConfiguration.class,
            PromptKitPackAutoConfiguration.class, PromptKitProviderAutoConfiguration.class,
            PromptKitStateStoreAutoConfiguration.class, PromptKitToolsAutoConfiguration.class,
            PromptKitVoiceAutoConfiguration.class, PromptKitMediaAutoConfiguration.class);

    private PromptKitContextRunners() {
    }

    /** PromptKit with the environment's API keys blanked, so that the mock provider answers from {@code shop-mock.yaml}. */
    public static ApplicationContextRunner withMockProvider() {
        return new ApplicationContextRunner().withConfiguration(PROMPTKIT)
                .withPropertyValues("OPENAI_API_KEY=", "ANTHROPIC_API_KEY=", "GEMINI_API_KEY=", "GOOGLE_API_KEY=",
                        "OLLAMA_HOST=", "promptkit.mock.script=classpath:shop-mock.yaml");
    }
}
