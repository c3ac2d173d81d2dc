/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.autoconfigure.StartupFailures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class ProviderConfigurationFailureAnalyzerTests {

    @Test
    void anUnresolvedKeyWithTheMockDisabledNamesThePropertyAndTheVariable() {
        FailureAnalysis analysis = analysis("promptkit.mock.enabled=false",
                "promptkit.providers.openai.api-key=${OPENAI_TEST_KEY_NOT_SET}");

        assertThat(analysis.getDescription()).isEqualTo("PromptKit could not set up its LLM provider (property "
                + "promptkit.providers.openai.api-key):" + System.lineSeparator() + System.lineSeparator()
                + "    Provider 'openai' has no API key: promptkit.providers.openai.api-key is the unresolved "
                + "placeholder ${OPENAI_TEST_KEY_NOT_SET}, and the mock provider may not answer in its place "
                + "(promptkit.mock.enabled=false).");
        assertThat(analysis.getAction()).isEqualTo("Set the environment variable OPENAI_TEST_KEY_NOT_SET "
                + "(promptkit.providers.openai.api-key), remove promptkit.providers.openai, or set "
                + "promptkit.mock.enabled=true to let the mock provider answer in its place.");
    }

    @Test
    void noProviderAtAllWithTheMockDisabledListsWhatToSet() {
        FailureAnalysis analysis = analysis("promptkit.mock.enabled=false");

        assertThat(analysis.getDescription()).contains("(property promptkit.mock.enabled)")
                .contains("OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, GOOGLE_API_KEY, OLLAMA_HOST");
        assertThat(analysis.getAction()).startsWith("Configure a provider under promptkit.providers.<name>");
    }

    @Test
    void anUnknownTypeNamesTheProviderAndTheKnownTypes() {
        FailureAnalysis analysis = analysis("promptkit.providers.main.type=opneai");

        assertThat(analysis.getDescription()).contains("(property promptkit.providers.main)")
                .contains("Provider 'main' cannot be created: Unknown provider type 'opneai'")
                .contains("[anthropic, gemini, mock, ollama, openai]");
        assertThat(analysis.getAction()).isEqualTo("Correct the properties under promptkit.providers.main.");
    }

    @Test
    void aDefaultProviderThatIsNotConfiguredListsTheProviders() {
        FailureAnalysis analysis = analysis("promptkit.providers.fast.type=mock",
                "promptkit.default-provider=fats");

        assertThat(analysis.getDescription()).contains("promptkit.default-provider is 'fats', which is not one of "
                + "the providers [fast].");
        assertThat(analysis.getAction()).startsWith("Set promptkit.default-provider to one of [fast]");
    }

    @Test
    void aBrokenMockScriptNamesTheScriptAndItsLine() {
        FailureAnalysis analysis = analysis("promptkit.mock.script=classpath:broken/broken.pack.json");

        assertThat(analysis.getDescription()).contains("(property promptkit.mock)")
                .contains("Invalid mock script classpath:broken/broken.pack.json");
    }

    private static FailureAnalysis analysis(String... properties) {
        return StartupFailures.analysis(PromptKitContextRunners.withMockProvider().withPropertyValues(properties),
                new ProviderConfigurationFailureAnalyzer());
    }
}
