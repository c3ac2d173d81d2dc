/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.autoconfigure.provider.ProviderConfigurationException;
import dev.promptkit.eval.EvalHandlerFactory;
import dev.promptkit.eval.EvalHandlerLibrary;
import dev.promptkit.eval.EvalRegistry;
import dev.promptkit.eval.EvalScore;
import dev.promptkit.event.EventListener;
import dev.promptkit.event.ProviderCallEvent;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.validation.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class PromptKitEvalRegistryAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider()
            .withConfiguration(AutoConfigurations.of(PromptKitEvalRegistryAutoConfiguration.class))
            .withPropertyValues("promptkit.pack=classpath:evals/guardrail.pack.json",
                    "promptkit.mock.script=classpath:evals/guardrail-mock.yaml")
            .withUserConfiguration(CustomHandlers.class);

    @Test
    void customHandlerBeansJoinTheRegistryAndGuardTheConversation() {
        contextRunner.run(context -> {
            EvalRegistry registry = context.getBean(EvalRegistry.class);
            assertThat(registry.types()).contains("no_shouting", "word_count", "pii_leakage", "llm_judge");
            Conversation chat = context.getBean(Conversations.class).open("chat");

            assertThat(chat.send("hi").text()).isEqualTo("Hello there.");
            assertThatThrownBy(() -> chat.send("Who is my contact?")).isInstanceOfSatisfying(ValidationException.class,
                    ex -> assertThat(ex.getMessage()).isEqualTo(
                            "Validator 'pii_leakage' failed: No personal data, please."));
            assertThatThrownBy(() -> chat.send("Please shout")).isInstanceOfSatisfying(ValidationException.class,
                    ex -> assertThat(ex.getMessage()).isEqualTo("Validator 'no_shouting' failed: 16 capitals"));
            assertThat(chat.messages()).hasSize(2);
        });
    }

    @Test
    void theJudgePropertyLetsLlmJudgeGuardrailsAskThatProviderAndRecordsItsCalls() {
        contextRunner.withPropertyValues("promptkit.eval.judge.provider=mock",
                "promptkit.eval.judge.model=judge-model").run(context -> {
                    Conversation judged = context.getBean(Conversations.class).open("judged");

                    assertThatThrownBy(() -> judged.send("hi")).isInstanceOfSatisfying(ValidationException.class,
                            ex -> {
                                assertThat(ex.validatorType()).isEqualTo("llm_judge");
                                assertThat(ex.reason()).isEqualTo("Cold and curt.");
                            });
                    assertThat(judged.messages()).isEmpty();
                    CustomHandlers handlers = context.getBean(CustomHandlers.class);
                    assertThat(handlers.judgeCallSeen.await(5, TimeUnit.SECONDS)).as("the judge's call event").isTrue();
                    assertThat(handlers.judgeCalls).allSatisfy(call -> assertThat(call.model()).isEqualTo("judge-model"));
                });
    }

    @Test
    void withoutAJudgeAnLlmJudgeGuardrailFailsTheOpenSayingWhatToSet() {
        contextRunner.run(context -> assertThatThrownBy(() -> context.getBean(Conversations.class).open("judged"))
                .hasMessageContaining("/prompts/judged/validators/0 (llm_judge): llm_judge needs a judge model")
                .hasMessageContaining("promptkit.eval.judge.provider"));
    }

    @Test
    void anUnknownJudgeProviderFailsStartUpNamingTheProperty() {
        contextRunner.withPropertyValues("promptkit.eval.judge.provider=judge").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOfSatisfying(
                    ProviderConfigurationException.class, ex -> {
                        assertThat(ex.property()).isEqualTo("promptkit.eval.judge.provider");
                        assertThat(ex.getMessage()).contains("The eval judge provider 'judge' is not configured");
                        assertThat(ex.action()).contains("[mock]");
                    });
        });
    }

    @Test
    void aNonPositiveTimeoutFailsStartUpNamingTheProperty() {
        contextRunner.withPropertyValues("promptkit.eval.judge.timeout=0s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("promptkit.eval.judge.timeout must be a positive duration");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomHandlers {

        final List<ProviderCallEvent> judgeCalls = new CopyOnWriteArrayList<>();
        final CountDownLatch judgeCallSeen = new CountDownLatch(1);

        @Bean
        EvalHandlerFactory no_shouting() {
            return params -> {
                int max = params.positiveInteger("max_capitals").orElse(3);
                return context -> {
                    long capitals = context.output().chars().filter(Character::isUpperCase).count();
                    return capitals > max ? EvalScore.fail(capitals + " capitals") : EvalScore.pass();
                };
            };
        }

        @Bean
        EvalHandlerLibrary wordCount() {
            return () -> Map.of("word_count", params -> context -> new EvalScore(
                    context.output().isBlank() ? 0 : 1, null));
        }

        @Bean
        EventListener judgeCallRecorder() {
            return event -> {
                if (event instanceof ProviderCallEvent call && "llm_judge".equals(call.promptName())
                        && call.phase() != dev.promptkit.event.Phase.STARTED) {
                    judgeCalls.add(call);
                    judgeCallSeen.countDown();
                }
            };
        }
    }
}
