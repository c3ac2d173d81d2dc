/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderFactories;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderDetectionTests {

    private static Provider detect(Map<String, String> environment, ProviderOptions options) {
        return new ProviderDetection(environment, ProviderFactories.discover()).provider(options);
    }

    private static ProviderOptions model(String model) {
        return ProviderOptions.DEFAULTS.withModel(model);
    }

    @Test
    void withNothingConfiguredTheMockServesUnlessTheFallbackIsOff() {
        assertThat(detect(Map.of(), ProviderOptions.DEFAULTS).type()).isEqualTo("mock");
        assertThatThrownBy(() -> detect(Map.of(), ProviderOptions.DEFAULTS.withMockFallback(false)))
                .isInstanceOf(ProviderNotDetectedException.class)
                .hasMessageContaining("OPENAI_API_KEY").hasMessageContaining("OLLAMA_HOST");
    }

    @Test
    void environmentKeysAreCheckedInOrder() {
        assertThat(detect(Map.of("OPENAI_API_KEY", "sk-1", "ANTHROPIC_API_KEY", "a"), ProviderOptions.DEFAULTS)
                .type()).isEqualTo("openai");
        assertThat(detect(Map.of("ANTHROPIC_API_KEY", "a"), ProviderOptions.DEFAULTS).type()).isEqualTo("anthropic");
        assertThat(detect(Map.of("GOOGLE_API_KEY", "g"), ProviderOptions.DEFAULTS).type()).isEqualTo("gemini");
        assertThat(detect(Map.of("OLLAMA_HOST", "127.0.0.1:11434"), ProviderOptions.DEFAULTS).type())
                .isEqualTo("ollama");
        assertThat(detect(Map.of("OPENAI_API_KEY", " "), ProviderOptions.DEFAULTS).type())
                .as("a blank key is no key").isEqualTo("mock");
    }

    @Test
    void aModelNamePicksItsVendor() {
        Map<String, String> allKeys = Map.of("OPENAI_API_KEY", "o", "ANTHROPIC_API_KEY", "a", "GEMINI_API_KEY", "g");
        assertThat(detect(allKeys, model("claude-sonnet-4-5")).type()).isEqualTo("anthropic");
        assertThat(detect(allKeys, model("gemini-2.5-flash")).type()).isEqualTo("gemini");
        assertThat(detect(allKeys, model("o3-mini")).type()).isEqualTo("openai");
        assertThat(detect(Map.of(), model("llama3.2:8b")).type()).isEqualTo("ollama");
        assertThat(detect(allKeys, model("mock-model")).type()).isEqualTo("mock");
    }

    @Test
    void aModelWhoseVendorHasNoKeySaysWhichVariableIsMissing() {
        assertThatThrownBy(() -> detect(Map.of("OPENAI_API_KEY", "o"), model("claude-opus-4")))
                .isInstanceOf(ProviderNotDetectedException.class)
                .hasMessage("Model 'claude-opus-4' needs the anthropic provider, but ANTHROPIC_API_KEY is not set");
    }

    @Test
    void aKeyInTheOptionsServesTheModelsVendorOrOpenAi() {
        assertThat(detect(Map.of(), ProviderOptions.DEFAULTS.withApiKey("k")).type()).isEqualTo("openai");
        assertThat(detect(Map.of(), ProviderOptions.DEFAULTS.withApiKey("k").withModel("claude-x")).type())
                .isEqualTo("anthropic");
    }

    @Test
    void anOpenAiCompatibleServerNeedsNoKeyAndDetectedProvidersAreShared() {
        ProviderDetection detection = new ProviderDetection(Map.of("OPENAI_BASE_URL", "http://127.0.0.1:1/v1"),
                ProviderFactories.discover());

        Provider first = detection.provider(model("gpt-4o"));
        assertThat(first.type()).isEqualTo("openai");
        assertThat(detection.provider(model("gpt-4o-mini"))).isSameAs(first);
    }

    @Test
    void optionsNeverShowTheApiKey() {
        assertThat(ConversationOptions.builder().apiKey("sk-secret-123").build().toString())
                .doesNotContain("sk-secret-123").contains("apiKey=******");
    }
}
