/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.autoconfigure.actuate.PromptKitActuatorAutoConfiguration;
import dev.promptkit.autoconfigure.actuate.PromptKitEndpoint;
import dev.promptkit.eval.EvalRegistry;
import dev.promptkit.eval.EvalScore;
import dev.promptkit.eval.LiveEvaluator;
import dev.promptkit.event.EvalEvent;
import dev.promptkit.event.EventBus;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.StoredEvalResult;
import dev.promptkit.validation.ValidatorRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code promptkit.eval.*}: live evals on or off, threads, sampling, meters, stored results, actuator view. */
class PromptKitEvalAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider()
            .withConfiguration(AutoConfigurations.of(PromptKitEvalAutoConfiguration.class,
                    PromptKitActuatorAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(EvalRegistry.class, () -> EvalRegistry.standard(ValidatorRegistry.standard())
                    .register("tone", params -> context -> new EvalScore(0.8, "friendly")))
            .withPropertyValues("promptkit.pack=classpath:evals/graded.pack.json",
                    "management.endpoints.web.exposure.include=promptkit");

    @Test
    void liveEvalsAreOffUnlessEnabled() {
        contextRunner.run(context -> {
            assertThat(context).doesNotHaveBean(LiveEvaluator.class).doesNotHaveBean(LiveEvalMeters.class);
            assertThat(context.getBean(Conversations.class).defaults().pipeline().liveEvals()).isNull();
            assertThat(context.getBean(PromptKitEndpoint.class).describe()).containsEntry("liveEvals",
                    Map.of("enabled", false));
        });
    }

    @Test
    void theEvaluatorTakesItsThreadsQueueAndSamplingFromTheProperties() {
        contextRunner.withPropertyValues("promptkit.eval.enabled=true", "promptkit.eval.concurrency=3",
                "promptkit.eval.queue-capacity=7", "promptkit.eval.sample-percentage=25",
                "promptkit.eval.store-results=false").run(context -> {
                    LiveEvaluator evaluator = context.getBean(LiveEvaluator.class);
                    assertThat(evaluator.settings().concurrency()).isEqualTo(3);
                    assertThat(evaluator.settings().queueCapacity()).isEqualTo(7);
                    assertThat(evaluator.settings().samplePercentage()).isEqualTo(25.0);
                    assertThat(evaluator.settings().storeResults()).isFalse();
                    assertThat(context.getBean(Conversations.class).defaults().pipeline().liveEvals())
                            .isSameAs(evaluator);
                });
    }

    @Test
    void aTurnsEvalsBecomeMetersStoredResultsAndTheActuatorsSummary() {
        contextRunner.withPropertyValues("promptkit.eval.enabled=true", "promptkit.eval.sample-percentage=0")
                .run(context -> {
                    BlockingQueue<EvalEvent> events = events(context);
                    try (Conversation chat = context.getBean(Conversations.class).open("chat")) {
                        chat.send("anything");
                        List<EvalEvent> received = next(events, 3);

                        assertThat(received).extracting(EvalEvent::evalId, EvalEvent::outcome)
                                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("answered", "passed"),
                                        org.assertj.core.groups.Tuple.tuple("tone", "failed"),
                                        org.assertj.core.groups.Tuple.tuple("short", "failed"));
                        assertThat(chat.evalResults()).extracting(stored -> stored.result().evalId())
                                .containsExactly("answered", "short", "tone");
                        assertMeters(context.getBean(MeterRegistry.class), chat.id());
                        assertActuator(context.getBean(PromptKitEndpoint.class).describe());
                    }
                });
    }

    @Test
    void badValuesFailStartUpNamingTheProperty() {
        contextRunner.withPropertyValues("promptkit.eval.enabled=true", "promptkit.eval.concurrency=0")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("promptkit.eval.concurrency must be at least 1, was 0"));
        contextRunner.withPropertyValues("promptkit.eval.enabled=true", "promptkit.eval.sample-percentage=150")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("promptkit.eval.sample-percentage must be between 0 and 100")
                        .hasMessageContaining("was 150.0"));
    }

    private static void assertMeters(MeterRegistry registry, String conversationId) {
        assertThat(registry.get("promptkit.eval.results").tags("eval", "answered", "prompt", "chat", "pack", "graded",
                "outcome", "passed").counter().count()).isEqualTo(1);
        assertThat(registry.get("promptkit.eval.results").tags("eval", "short", "outcome", "failed").counter()
                .count()).isEqualTo(1);
        assertThat(registry.get("promptkit.eval.score").tags("eval", "tone", "outcome", "failed").summary()
                .totalAmount()).isEqualTo(0.8);
        assertThat(registry.find("promptkit.eval.results").tags("eval", "sampled").counters()).isEmpty();
        assertThat(registry.get("promptkit.eval.dropped").functionCounter().count()).isZero();
        assertThat(registry.get("promptkit.eval.store.failures").functionCounter().count()).isZero();
        assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                .noneMatch(tag -> tag.getValue().equals(conversationId)));
    }

    @SuppressWarnings("unchecked")
    private static void assertActuator(Map<String, Object> description) {
        Map<String, Object> pack = (Map<String, Object>) ((Map<String, Object>) description.get("packs")).get("graded");
        Map<String, Object> live = (Map<String, Object>) pack.get("liveEvals");
        Map<String, Object> evals = (Map<String, Object>) live.get("evals");
        assertThat(evals).containsOnlyKeys("answered", "sampled", "short", "tone");
        assertThat((Map<String, Object>) evals.get("answered")).containsEntry("type", "contains")
                .containsEntry("trigger", "every_turn")
                .containsEntry("recent", Map.of("runs", 1, "passed", 1L, "failed", 0L, "errors", 0, "passRate", 1.0,
                        "meanScore", 1.0, "minScore", 1.0));
        assertThat((Map<String, Object>) evals.get("sampled")).containsEntry("samplePercentage", 50.0)
                .containsEntry("recent", Map.of("runs", 0, "passed", 0L, "failed", 0L, "errors", 0));
        assertThat(((Map<String, Object>) evals.get("tone")).get("recent")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("passRate", 0.0)
                .containsEntry("meanScore", 0.8);
        assertThat(live.get("problems")).asList().isEmpty();
        assertThat((Map<String, Object>) description.get("liveEvals")).containsEntry("enabled", true)
                .containsEntry("dropped", 0L)
                .containsEntry("samplePercentage", 0.0).containsEntry("concurrency", 2);
    }

    private static BlockingQueue<EvalEvent> events(AssertableApplicationContext context) {
        BlockingQueue<EvalEvent> events = new LinkedBlockingQueue<>();
        context.getBean(EventBus.class).subscribeSynchronous(event -> {
            if (event instanceof EvalEvent eval) {
                events.add(eval);
            }
        });
        return events;
    }

    private static List<EvalEvent> next(BlockingQueue<EvalEvent> events, int count) throws InterruptedException {
        List<EvalEvent> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EvalEvent event = events.poll(30, TimeUnit.SECONDS);
            assertThat(event).as("eval event %d of %d within 30 s", i + 1, count).isNotNull();
            received.add(event);
        }
        return received;
    }
}
