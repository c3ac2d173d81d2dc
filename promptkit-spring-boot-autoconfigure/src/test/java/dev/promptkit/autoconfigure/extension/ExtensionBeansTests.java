/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.autoconfigure.actuate.PromptKitActuatorAutoConfiguration;
import dev.promptkit.autoconfigure.actuate.PromptKitEndpoint;
import dev.promptkit.event.Event;
import dev.promptkit.event.EventListener;
import dev.promptkit.pipeline.Stage;
import dev.promptkit.pipeline.StageType;
import dev.promptkit.pipeline.StreamElement;
import dev.promptkit.pipeline.TurnContext;
import dev.promptkit.pipeline.VariableProvider;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.Response;
import dev.promptkit.types.ValidationResult;
import dev.promptkit.validation.ValidatorFactory;
import dev.promptkit.validation.ValidatorLibrary;
import dev.promptkit.validation.Verdict;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Stages, variable providers, validator types and event listeners contributed as beans. */
class ExtensionBeansTests {

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider()
            .withConfiguration(AutoConfigurations.of(PromptKitActuatorAutoConfiguration.class))
            .withPropertyValues("promptkit.pack=classpath:ext/extension.pack.json",
                    "promptkit.mock.script=classpath:extension-mock.yaml",
                    "management.endpoints.web.exposure.include=promptkit")
            .withUserConfiguration(Extensions.class);

    @Test
    void extensionBeansShapeEveryConversation() throws InterruptedException {
        contextRunner.run(context -> {
            Response response = context.getBean(Conversations.class).open("chat").send("hello");

            assertThat(response.text()).as("the stage upper-cases the answer").isEqualTo("HELLO FROM THE TEAM.");
            assertThat(response.validations()).extracting(ValidationResult::validatorType, ValidationResult::passed)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("no_shouting", false));
            Extensions extensions = context.getBean(Extensions.class);
            assertThat(extensions.heard.await(5, TimeUnit.SECONDS)).as("the listener bean hears events").isTrue();
            @SuppressWarnings("unchecked")
            Map<String, Object> chat = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    ((Map<String, Object>) context.getBean(PromptKitEndpoint.class).describe().get("packs"))
                            .get("extension")).get("prompts")).get("chat");
            assertThat((List<String>) chat.get("pipeline")).containsSubsequence("provider", "shout", "state_save");
            assertThat((java.util.Set<String>) context.getBean(PromptKitEndpoint.class).describe().get("validatorTypes"))
                    .contains("no_shouting", "banned_words");
        });
    }

    @Test
    void aValidatorTypeNamedLikeABuiltInOneReplacesItOnlyWhenAskedTo() {
        ValidatorLibrary lenientBannedWords = () -> Map.of("banned_words", params -> text -> Verdict.PASS);
        contextRunner.withBean("lenient", ValidatorLibrary.class, () -> lenientBannedWords).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("'banned_words', which is built in")
                    .hasMessageContaining("promptkit.validation.replace-built-in-types=true");
        });
        contextRunner.withBean("lenient", ValidatorLibrary.class, () -> lenientBannedWords)
                .withPropertyValues("promptkit.validation.replace-built-in-types=true")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Configuration(proxyBeanMethods = false)
    static class Extensions {
        final CountDownLatch heard = new CountDownLatch(1);
        final List<Event> events = new CopyOnWriteArrayList<>();

        @Bean
        Stage shout() {
            return new Stage() {
                public String name() {
                    return "shout";
                }

                public StageType type() {
                    return StageType.TRANSFORM;
                }

                public Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn) {
                    return in.map(element -> element.isMessage()
                            && element.message().role() == dev.promptkit.types.Role.ASSISTANT
                            ? StreamElement.message(element.message().withContent(element.message().content().toUpperCase()))
                            : element);
                }
            };
        }

        @Bean
        VariableProvider team() {
            return turn -> Mono.just(Map.of("team", "platform"));
        }

        @Bean
        ValidatorLibrary noShouting() {
            ValidatorFactory factory = params -> {
                int max = params.positiveInteger("max_capitals").orElse(3);
                return text -> text.chars().filter(Character::isUpperCase).count() > max
                        ? Verdict.fail("too many capitals", Map.of()) : Verdict.PASS;
            };
            return () -> Map.of("no_shouting", factory);
        }

        @Bean
        EventListener recorder() {
            return event -> {
                events.add(event);
                heard.countDown();
            };
        }
    }
}
