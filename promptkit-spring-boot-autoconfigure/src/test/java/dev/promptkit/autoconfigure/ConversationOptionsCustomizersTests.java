/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.context.Truncation;
import dev.promptkit.provider.ModelPricing;
import dev.promptkit.sdk.AgentLimits;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.ProviderOptions;
import dev.promptkit.tool.ToolCallRunner;
import dev.promptkit.validation.ValidationMode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The starter's customizers (stage and variable-provider beans: {@code ExtensionBeansTests}). */
class ConversationOptionsCustomizersTests {

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider();

    @Test
    void withoutPropertiesTheOptionsKeepTheirDefaults() {
        contextRunner.run(context -> {
            ConversationOptions options = defaults(context);
            assertThat(options.provider().idleTimeout()).isEqualTo(ProviderOptions.DEFAULT_IDLE_TIMEOUT);
            assertThat(options.tools().timeout()).isEqualTo(ToolCallRunner.DEFAULT_TIMEOUT);
            assertThat(options.tools().maxParallel()).isEqualTo(ToolCallRunner.DEFAULT_MAX_PARALLEL);
            assertThat(options.context().budgeted()).isFalse();
            assertThat(options.validation().policy().mode()).isEqualTo(ValidationMode.ERROR);
            assertThat(options.validation().registry()).as("no ValidatorLibrary bean: the standard types").isNull();
            assertThat(options.provider().pricing()).isEmpty();
            assertThat(options.pipeline().stages()).isEmpty();
        });
    }

    @Test
    void conversationPropertiesSetTimeoutsParallelismAndTheTokenBudget() {
        contextRunner.withPropertyValues("promptkit.conversation.idle-timeout=5s",
                "promptkit.conversation.tool-timeout=7s", "promptkit.conversation.max-parallel-tool-calls=3",
                "promptkit.conversation.token-budget=4000", "promptkit.conversation.truncation=fail").run(context -> {
                    ConversationOptions options = defaults(context);
                    assertThat(options.provider().idleTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(options.tools().timeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(options.tools().maxParallel()).isEqualTo(3);
                    assertThat(options.context().tokenBudget()).isEqualTo(4000);
                    assertThat(options.context().truncation()).isEqualTo(Truncation.FAIL);
                });
    }

    @Test
    void agentPropertiesLimitDelegationAndAWrongDepthFailsNamingTheProperty() {
        assertThat(defaultsWith().tools().agentLimits()).isEqualTo(AgentLimits.DEFAULTS);
        contextRunner.withPropertyValues("promptkit.conversation.agents.max-depth=1",
                "promptkit.conversation.agents.max-cost-usd=0.25").run(context -> assertThat(
                        defaults(context).tools().agentLimits()).isEqualTo(new AgentLimits(1, new BigDecimal("0.25"))));
        contextRunner.withPropertyValues("promptkit.conversation.agents.max-depth=0").run(context -> assertThat(
                context).hasFailed().getFailure().rootCause().hasMessageContaining(
                        "promptkit.conversation.agents.max-depth is 0; it must be at least 1"));
    }

    private ConversationOptions defaultsWith(String... properties) {
        ConversationOptions[] options = new ConversationOptions[1];
        contextRunner.withPropertyValues(properties).run(context -> options[0] = defaults(context));
        return options[0];
    }

    @Test
    void validationPropertiesSetThePolicy() {
        contextRunner.withPropertyValues("promptkit.validation.mode=warn", "promptkit.validation.strict=true",
                "promptkit.validation.disabled=regex,banned_words").run(context -> {
                    ConversationOptions options = defaults(context);
                    assertThat(options.validation().policy().mode()).isEqualTo(ValidationMode.WARN);
                    assertThat(options.validation().policy().strict()).isTrue();
                    assertThat(options.validation().policy().disabledTypes())
                            .isEqualTo(Set.of("regex", "banned_words"));
                });
    }

    @Test
    void pricingPropertiesPriceTheirModels() {
        contextRunner.withPropertyValues("promptkit.pricing.house-model.input=1.5",
                "promptkit.pricing.house-model.output=6", "promptkit.pricing.house-model.cached-input=0.5")
                .run(context -> assertThat(defaults(context).provider().pricing()).containsExactly(Map.entry(
                        "house-model", new ModelPricing(new BigDecimal("1.5"), new BigDecimal("6"),
                                new BigDecimal("0.5"), new BigDecimal("1.5")))));
    }

    @Test
    void anApplicationsCustomizerRunsAfterTheStartersAndHasTheLastWord() {
        contextRunner.withPropertyValues("promptkit.conversation.tool-timeout=7s",
                "promptkit.conversation.max-parallel-tool-calls=3").withUserConfiguration(OwnCustomizers.class)
                .run(context -> {
                    ConversationOptions options = defaults(context);
                    assertThat(options.tools().timeout()).as("the unordered customizer overrides the property")
                            .isEqualTo(Duration.ofSeconds(5));
                    assertThat(options.tools().maxParallel()).as("one ordered before the starter's is overridden")
                            .isEqualTo(3);
                });
    }

    private static ConversationOptions defaults(AssertableApplicationContext context) {
        return context.getBean(Conversations.class).defaults();
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnCustomizers {

        @Bean
        ConversationOptionsCustomizer shorterToolTimeout() {
            return options -> options.tools(tools -> tools.withTimeout(Duration.ofSeconds(5)));
        }

        @Bean
        @Order(ConversationOptionsCustomizer.STARTER_ORDER - 1)
        ConversationOptionsCustomizer earlyParallelism() {
            return options -> options.tools(tools -> tools.withMaxParallel(9));
        }
    }
}
