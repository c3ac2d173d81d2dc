/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.extensions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.ForwardingProvider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * A prompt's {@code model_overrides} apply when the conversation runs on the model they name: the replacement
 * template, the prefix and suffix, and the parameters laid over the prompt's (the application's own parameters over
 * those); any other model gets the prompt as written.
 */
class ModelOverridesTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/extensions/overrides.pack.json"));

    @Test
    void aPrefixSuffixAndParametersApplyOnTheModelTheyName() {
        ProviderRequest request = firstRequest(ConversationOptions.builder().model("claude-opus-4-1"));

        assertThat(request.system()).isEqualTo("<task>\nHelp Ada.\n</task>");
        assertThat(request.parameters().temperature()).isEqualTo(0.2);
        assertThat(request.parameters().maxTokens()).isEqualTo(300);
    }

    @Test
    void aReplacementTemplateIsRenderedWithTheConversationsVariables() {
        ProviderRequest request = firstRequest(ConversationOptions.builder().model("gpt-4o-mini"));

        assertThat(request.system()).isEqualTo("Be brief with Ada.");
        assertThat(request.parameters().temperature()).isEqualTo(0.7);
    }

    @Test
    void anotherModelGetsThePromptAsWrittenAndTheApplicationsParametersWin() {
        assertThat(firstRequest(ConversationOptions.builder().model("gpt-4.1")).system()).isEqualTo("Help Ada.");
        assertThat(firstRequest(ConversationOptions.builder().model("claude-opus-4-1").temperature(0.9)).parameters()
                .temperature()).isEqualTo(0.9);
    }

    private static ProviderRequest firstRequest(ConversationOptions.Builder options) {
        List<ProviderRequest> requests = new CopyOnWriteArrayList<>();
        ForwardingProvider recording = new ForwardingProvider(MockProvider.builder().build()) {
            @Override
            public Flux<ProviderChunk> stream(ProviderRequest request) {
                requests.add(request);
                return super.stream(request);
            }
        };
        PromptKit.open(PACK, "chat", options.provider(recording).variable("customer", "Ada").build()).send("hi");
        return requests.get(0);
    }
}
