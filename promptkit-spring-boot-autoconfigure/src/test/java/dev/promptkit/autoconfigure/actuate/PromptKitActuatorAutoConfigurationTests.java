/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.Response;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

class PromptKitActuatorAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider()
            .withConfiguration(AutoConfigurations.of(PromptKitActuatorAutoConfiguration.class));

    @Test
    void theEndpointExistsOnlyWhenExposedAndTheHealthIndicatorUnlessDisabled() {
        contextRunner.run(context -> assertThat(context).doesNotHaveBean(PromptKitEndpoint.class)
                .hasSingleBean(PromptKitHealthIndicator.class).hasSingleBean(UsageTotals.class));
        contextRunner.withPropertyValues("management.endpoints.web.exposure.include=promptkit",
                "management.health.promptkit.enabled=false").run(context -> assertThat(context)
                        .hasSingleBean(PromptKitEndpoint.class).doesNotHaveBean(PromptKitHealthIndicator.class));
    }

    @Test
    void backsOffWithoutProvidersAndForTheApplicationsOwnBeans() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PromptKitActuatorAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(UsageTotals.class)
                        .doesNotHaveBean(PromptKitHealthIndicator.class));
        contextRunner.withBean("promptKitHealthIndicator", PromptKitHealthIndicator.class,
                () -> new PromptKitHealthIndicator(null, null, null))
                .run(context -> assertThat(context).getBean("promptKitHealthIndicator")
                        .isInstanceOf(PromptKitHealthIndicator.class));
    }

    @Test
    void theEndpointShowsProvidersWithKeysMaskedAndTotalsInExactDollars() {
        contextRunner.withPropertyValues("management.endpoints.web.exposure.include=promptkit",
                "promptkit.providers.main.type=mock", "promptkit.providers.main.options.script=classpath:shop-mock.yaml",
                "promptkit.providers.backup.type=openai", "promptkit.providers.backup.api-key=sk-test-SECRET-9",
                "promptkit.providers.spare.type=anthropic", "promptkit.providers.spare.api-key=${ANTHROPIC_KEY_NOT_SET}",
                "promptkit.default-provider=main").run(context -> {
                    Conversations conversations = context.getBean(Conversations.class);
                    BigDecimal spent = BigDecimal.ZERO;
                    for (int turn = 0; turn < 3; turn++) {
                        Response response = conversations.open("faq").send("how long does shipping take?");
                        spent = spent.add(response.cost());
                    }

                    Map<String, Object> view = context.getBean(PromptKitEndpoint.class).describe();
                    String json = JsonMapper.shared().writeValueAsString(view);

                    assertThat(json).contains("\"backup\":{\"type\":\"openai\",\"model\":\"gpt-4o-mini\","
                            + "\"baseUrl\":\"https://api.openai.com/v1\",\"apiKey\":\"******\",\"api\":\"responses for the "
                            + "models only it serves, else chat-completions\"}")
                            .contains("\"spare\":{\"type\":\"mock\"")
                            .contains("\"apiKey\":\"missing: api-key is the unresolved placeholder "
                                    + "${ANTHROPIC_KEY_NOT_SET}; the mock answers\"")
                            .doesNotContain("sk-test-SECRET-9");
                    @SuppressWarnings("unchecked")
                    Map<String, Map<String, Object>> totals = (Map<String, Map<String, Object>>) view.get("totals");
                    assertThat(totals.get("main/mock-model")).containsEntry("requests", 3L);
                    assertThat((BigDecimal) totals.get("main/mock-model").get("costUsd")).isEqualByComparingTo(spent)
                            .satisfies(total -> assertThat(total.toString()).as("no trailing zeros").doesNotEndWith("0"));
                });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEndpointListsThePacksWarnings() {
        contextRunner.withPropertyValues("management.endpoints.web.exposure.include=promptkit",
                "promptkit.pack=classpath:warnings/undefined-tool.pack.json").run(context -> {
                    Map<String, Object> view = context.getBean(PromptKitEndpoint.class).describe();
                    Map<String, Object> packs = (Map<String, Object>) view.get("packs");
                    Map<String, Object> pack = (Map<String, Object>) packs.values().iterator().next();
                    assertThat((java.util.List<String>) pack.get("warnings")).containsExactly(
                            "classpath:warnings/undefined-tool.pack.json /prompts/billing/tools/0: tool"
                                    + " 'lookup_account' is not defined in the pack's tools [] and is not a prompt of"
                                    + " the pack: a handler registered at run time (onTool, @PromptTool) or an MCP"
                                    + " server's tool of that name must answer it");
                });
    }

    @Test
    void theHealthIndicatorIsUpWithTheProvidersAsDetails() {
        contextRunner.run(context -> {
            Health health = context.getBean(PromptKitHealthIndicator.class).health(true).block();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("defaultProvider", "mock")
                    .containsEntry("stateStore", "InMemoryStateStore");
        });
    }
}
