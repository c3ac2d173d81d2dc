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

    private static Provider detect(Map<String, String> environment, ConversationOptions options) {
        return new ProviderDetection(environment, ProviderFactories.discover()).provider(options);
    }

    private static ConversationOptions model(String model) {
        return ConversationOptions.builder().model(model).build();
    }

    @Test
    void withNothingConfiguredTheMockServesUnlessTheFallbackIsOff() {
        assertThat(detect(Map.of(), ConversationOptions.defaults()).type()).isEqualTo("mock");
        assertThatThrownBy(() -> detect(Map.of(), ConversationOptions.builder().disableMockFallback().build()))
                .isInstanceOf(ProviderNotDetectedException.class)
                .hasMessageContaining("OPENAI_API_KEY").hasMessageContaining("OLLAMA_HOST");
    }

    @Test
    void environmentKeysAreCheckedInOrder() {
        assertThat(detect(Map.of("OPENAI_API_KEY", "sk-1", "ANTHROPIC_API_KEY", "a"), ConversationOptions.defaults())
                .type()).isEqualTo("openai");
        assertThat(detect(Map.of("ANTHROPIC_API_KEY", "a"), ConversationOptions.defaults()).type()).isEqualTo("anthropic");
        assertThat(detect(Map.of("GOOGLE_API_KEY", "g"), ConversationOptions.defaults()).type()).isEqualTo("gemini");
        assertThat(detect(Map.of("OLLAMA_HOST", "127.0.0.1:11434"), ConversationOptions.defaults()).type())
                .isEqualTo("ollama");
        assertThat(detect(Map.of("OPENAI_API_KEY", " "), ConversationOptions.defaults()).type())
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
        assertThat(detect(Map.of(), ConversationOptions.builder().apiKey("k").build()).type()).isEqualTo("openai");
        assertThat(detect(Map.of(), ConversationOptions.builder().apiKey("k").model("claude-x").build()).type())
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
