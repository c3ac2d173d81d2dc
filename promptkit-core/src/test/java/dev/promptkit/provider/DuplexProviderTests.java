/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.anthropic.AnthropicProvider;
import dev.promptkit.provider.mock.MockProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DuplexProviderTests {

    @Test
    void theDuplexSideIsFoundThroughDecoratingProviders() {
        MockProvider mock = MockProvider.builder().model("mock-voice").build();
        Provider decorated = new ForwardingProvider(new ForwardingProvider(mock) {
        }) {
        };

        assertThat(DuplexProvider.of(mock)).containsSame(mock);
        assertThat(DuplexProvider.of(decorated)).containsSame(mock);
        assertThat(DuplexProvider.of(AnthropicProvider.builder().build())).isEmpty();
        assertThat(mock.defaultDuplexModel()).isEqualTo("mock-voice");
    }

    @Test
    void theSessionModelsComeFromTheProviderOptions() {
        ProviderFactories factories = ProviderFactories.discover();
        Provider openai = factories.create(ProviderSpec.builder("voice", "openai").apiKey("key")
                .option("realtime-model", "gpt-realtime-mini").build());
        Provider gemini = factories.create(ProviderSpec.builder("live", "gemini").apiKey("key")
                .option("live-model", "gemini-live-test").build());
        Provider defaultOpenAi = factories.create(ProviderSpec.of("openai", "key", null));

        assertThat(DuplexProvider.of(openai).orElseThrow().defaultDuplexModel()).isEqualTo("gpt-realtime-mini");
        assertThat(DuplexProvider.of(gemini).orElseThrow().defaultDuplexModel()).isEqualTo("gemini-live-test");
        assertThat(DuplexProvider.of(defaultOpenAi).orElseThrow().defaultDuplexModel()).isEqualTo("gpt-realtime");
    }
}
