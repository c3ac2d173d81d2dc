/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.provider.ProviderRegistry;
import dev.promptkit.sdk.Conversations;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An API key that is blank, an unresolved {@code ${...}} placeholder, or absent for a vendor's own API does not count
 * as configured: the mock answers in the provider's place with one WARN line naming the provider and the property.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyPropertyTests {

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider();

    @Test
    void anUnresolvedPlaceholderNeverReachesTheUpstreamAndTheMockAnswersWithOneWarning(CapturedOutput output)
            throws Exception {
        try (MockWebServer upstream = new MockWebServer()) {
            upstream.start();
            contextRunner.withPropertyValues("promptkit.providers.openai.api-key=${OPENAI_TEST_KEY_NOT_SET}",
                    "promptkit.providers.openai.base-url=" + upstream.url("/v1"),
                    "promptkit.providers.openai.model=gpt-4o-mini").run(context -> {
                        ProviderRegistry providers = context.getBean(ProviderRegistry.class);
                        assertThat(providers.get("openai").type()).isEqualTo("mock");
                        assertThat(context.getBean(Conversations.class).open("chat").send("where is order A-1?")
                                .text()).isEqualTo("Order A-1 has shipped.");
                    });
            assertThat(upstream.getRequestCount()).isZero();
        }
        assertThat(warnings(output)).containsExactly("Provider 'openai' has no API key "
                + "(promptkit.providers.openai.api-key is the unresolved placeholder ${OPENAI_TEST_KEY_NOT_SET}): the "
                + "mock provider answers in its place; set the environment variable OPENAI_TEST_KEY_NOT_SET to use "
                + "openai");
    }

    @Test
    void aBlankKeyCountsAsNotConfigured(CapturedOutput output) {
        contextRunner.withPropertyValues("promptkit.providers.claude.type=anthropic",
                "promptkit.providers.claude.api-key= ").run(context -> assertThat(
                        context.getBean(ProviderRegistry.class).get("claude").type()).isEqualTo("mock"));
        assertThat(warnings(output)).singleElement().asString().startsWith("Provider 'claude' has no API key "
                + "(promptkit.providers.claude.api-key is blank)");
    }

    @Test
    void noKeyForAVendorsOwnApiCountsAsNotConfiguredButACompatibleServerNeedsNone(CapturedOutput output) {
        contextRunner.withPropertyValues("promptkit.providers.gemini.model=gemini-2.5-flash",
                "promptkit.providers.local.type=openai", "promptkit.providers.local.base-url=http://127.0.0.1:9/v1",
                "promptkit.providers.llama.type=ollama").run(context -> {
                    ProviderRegistry providers = context.getBean(ProviderRegistry.class);
                    assertThat(providers.get("gemini").type()).isEqualTo("mock");
                    assertThat(providers.get("local").type()).isEqualTo("openai");
                    assertThat(providers.get("llama").type()).isEqualTo("ollama");
                });
        assertThat(warnings(output)).singleElement().asString().startsWith("Provider 'gemini' has no API key "
                + "(promptkit.providers.gemini.api-key is not set)");
    }

    @Test
    void aKeyThatIsSetIsUsedWithoutAWarning(CapturedOutput output) {
        contextRunner.withPropertyValues("promptkit.providers.openai.api-key=${OPENAI_TEST_KEY:sk-from-default}")
                .run(context -> assertThat(context.getBean(ProviderRegistry.class).get("openai").type())
                        .isEqualTo("openai"));
        assertThat(warnings(output)).isEmpty();
        assertThat(output).doesNotContain("sk-from-default");
    }

    /** The WARN lines of the provider set-up, without their logging prefix. */
    private static java.util.List<String> warnings(CapturedOutput output) {
        return output.getOut().lines().filter(line -> line.contains("WARN") && line.contains("Provider '"))
                .map(line -> line.substring(line.indexOf("Provider '"))).toList();
    }
}
