/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.promptkit.provider.http.HttpProviderSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which API a call of the openai provider goes to. */
class OpenAiApiTests {

    private static final String OPENAI = OpenAiProvider.DEFAULT_BASE_URL;

    @ParameterizedTest
    @ValueSource(strings = { "o1-pro", "o1-pro-2025-03-19", "o3-pro", "o3-pro-2025-06-10", "gpt-5-pro",
        "gpt-5.2-pro", "codex-mini-latest", "gpt-5-codex", "gpt-5.1-codex-max", "o3-deep-research",
        "o4-mini-deep-research-2025-06-26", "computer-use-preview", "Computer-Use-Preview-2025-03-11" })
    void modelsServedOnlyByTheResponsesApiGoThereOnOpenAi(String model) {
        assertThat(OpenAiApi.choose(null, OPENAI, model)).isEqualTo(OpenAiApi.RESPONSES);
        assertThat(OpenAiApi.choose(null, "https://API.OPENAI.COM/v1/", model)).isEqualTo(OpenAiApi.RESPONSES);
    }

    @ParameterizedTest
    @ValueSource(strings = { "gpt-4o-mini", "gpt-4.1", "o3", "o4-mini", "gpt-5", "gpt-5-mini", "gpt-5-chat-latest",
        "gpt-4o-audio-preview", "promptly-pro" })
    void everyOtherModelStaysOnChatCompletions(String model) {
        assertThat(OpenAiApi.choose(null, OPENAI, model)).isEqualTo(OpenAiApi.CHAT_COMPLETIONS);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8000/v1", "https://my-res.openai.azure.com/openai/deployments/o3-pro",
        "https://api.openai.com.proxy.example/v1", "https://openrouter.ai/api/v1", "not a url" })
    void otherBaseUrlsKeepChatCompletionsEvenForResponsesOnlyModels(String baseUrl) {
        assertThat(OpenAiApi.choose(null, baseUrl, "o3-pro")).isEqualTo(OpenAiApi.CHAT_COMPLETIONS);
    }

    @Test
    void aConfiguredApiAlwaysWins() {
        assertThat(OpenAiApi.choose(OpenAiApi.CHAT_COMPLETIONS, OPENAI, "o3-pro"))
                .isEqualTo(OpenAiApi.CHAT_COMPLETIONS);
        assertThat(OpenAiApi.choose(OpenAiApi.RESPONSES, "http://127.0.0.1:8000/v1", "gpt-4o-mini"))
                .isEqualTo(OpenAiApi.RESPONSES);
    }

    @Test
    void readsTheConfigurationNamesAndRefusesOthersNamingTheValidOnes() {
        assertThat(OpenAiApi.of(" Responses ")).isEqualTo(OpenAiApi.RESPONSES);
        assertThat(OpenAiApi.of("chat-completions")).isEqualTo(OpenAiApi.CHAT_COMPLETIONS);
        assertThatIllegalArgumentException().isThrownBy(() -> OpenAiApi.of("assistants"))
                .withMessage("Unknown OpenAI API 'assistants'; valid values: responses, chat-completions");
    }

    @Test
    void theProviderChoosesPerCallFromItsBaseUrlAndTheCallsModel() {
        try (OpenAiProvider openAi = OpenAiProvider.builder().settings(HttpProviderSettings.builder().apiKey("sk-test")
                .build()).build();
                OpenAiProvider compatible = OpenAiProvider.builder().settings(HttpProviderSettings.builder()
                        .baseUrl("http://127.0.0.1:8000/v1").build()).build()) {
            assertThat(openAi.apiFor("o3-pro")).isEqualTo(OpenAiApi.RESPONSES);
            assertThat(openAi.apiFor("gpt-4o")).isEqualTo(OpenAiApi.CHAT_COMPLETIONS);
            assertThat(openAi.configuredApi()).isNull();
            assertThat(compatible.apiFor("o3-pro")).isEqualTo(OpenAiApi.CHAT_COMPLETIONS);
        }
    }

    @Test
    void reasoningModelsAreTheOSeriesGpt5ButItsChatModelAndCodex() {
        assertThat(OpenAiModels.reasons("o1")).isTrue();
        assertThat(OpenAiModels.reasons("o4-mini-2025-04-16")).isTrue();
        assertThat(OpenAiModels.reasons("gpt-5.1")).isTrue();
        assertThat(OpenAiModels.reasons("codex-mini-latest")).isTrue();
        assertThat(OpenAiModels.reasons("gpt-5-chat-latest")).isFalse();
        assertThat(OpenAiModels.reasons("gpt-4.1")).isFalse();
        assertThat(OpenAiModels.reasons("omni-moderation-latest")).isFalse();
    }
}
