/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import static dev.promptkit.provider.mock.Requests.conversation;
import static dev.promptkit.provider.mock.Requests.withMetadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;


import dev.promptkit.provider.ModelPricing;
import dev.promptkit.provider.PricingTable;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.ProviderResponse;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.Message;
import dev.promptkit.types.TokenUsage;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolResult;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class MockProviderTest {

    private static final String WEATHER_SCRIPT = """
            turns:
              - type: tool_calls
                content: Let me check the weather in Paris.
                tool_calls:
                  - name: get_weather
                    arguments: {city: Paris, unit: celsius}
                  - name: get_air_quality
                    arguments: {city: Paris}
              - It is 18 degrees and sunny in Paris, and the air quality is good.
            """;

    private static MockProvider scripted(String yaml) {
        return MockProvider.builder().script(MockScript.parse(yaml)).build();
    }

    private static ProviderResponse call(MockProvider provider, ProviderRequest request) {
        return provider.call(request).block(Duration.ofSeconds(5));
    }

    @Nested
    class Defaults {

        private final MockProvider provider = MockProvider.builder().build();

        @Test
        void describeTheGoMock() {
            assertThat(provider.name()).isEqualTo("mock");
            assertThat(provider.type()).isEqualTo("mock");
            assertThat(provider.defaultModel()).isEqualTo("mock-model");
            assertThat(provider.pricing().find("mock-model")).contains(ModelPricing.of(10, 10, 5, 10));
        }

        @Test
        void withoutAScriptAnswerWithTheGenericFallback() {
            assertThat(call(provider, conversation(Message.user("Hi"))).text())
                    .isEqualTo("Mock response from mock (mock-model)");
            assertThat(call(MockProvider.builder().name("local").build(),
                    ProviderRequest.of("gpt-4o", null, List.of(Message.user("Hi")))).text())
                    .isEqualTo("Mock response from local (gpt-4o)");
        }

        @Test
        void priceEveryModelTheSame() {
            MockProvider custom = MockProvider.builder().model("support-bot").build();

            assertThat(custom.pricing().find("support-bot")).contains(MockProvider.DEFAULT_PRICING);
            assertThat(custom.pricing().find("any-other-model")).contains(MockProvider.DEFAULT_PRICING);
        }

        @Test
        void rejectNonsense() {
            assertThatIllegalArgumentException().isThrownBy(() -> MockProvider.builder().chunkSize(0))
                    .withMessage("chunkSize must be at least 1, got 0");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> MockProvider.builder().chunkDelay(Duration.ofMillis(-1)))
                    .withMessage("chunkDelay must not be negative, got PT-0.001S");
            assertThatIllegalArgumentException().isThrownBy(() -> MockProvider.builder().name(" "))
                    .withMessage("name must not be blank");
        }
    }

    @Nested
    class Chunking {

        @Test
        void splitsTheTextIntoChunksOfTwentyCharacters() {
            String text = "The quick brown fox jumps over the lazy dog, twice.";
            MockProvider provider = MockProvider.builder().script(MockScript.parse("defaultResponse: " + text))
                    .build();

            StepVerifier.create(provider.stream(conversation(Message.user("go"))))
                    .expectNext(ProviderChunk.text("The quick brown fox "))
                    .expectNext(ProviderChunk.text("jumps over the lazy "))
                    .expectNext(ProviderChunk.text("dog, twice."))
                    .assertNext(finish -> {
                        assertThat(finish.isFinish()).isTrue();
                        assertThat(finish.finishReason()).isEqualTo("stop");
                    })
                    .verifyComplete();
        }

        @Test
        void neverSplitsASurrogatePair() {
            // 19 ASCII characters, then emoji (2 UTF-16 chars each) and accented text
            String text = "Weather for today: \uD83C\uDF24\uFE0F 18\u00B0C \u2014 s\u00E9jour \u00E0 Z\u00FCrich "
                    + "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"
                    + "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00 \u65E5\u672C\u8A9E";
            MockProvider provider = MockProvider.builder()
                    .script(MockScript.parse("defaultResponse: \"" + text + "\"")).build();

            List<String> deltas = provider.stream(conversation(Message.user("go")))
                    .filter(ProviderChunk::isText).map(ProviderChunk::delta).collectList().block();

            assertThat(deltas).hasSizeGreaterThan(2);
            assertThat(String.join("", deltas)).isEqualTo(text);
            assertThat(deltas.get(0)).isEqualTo("Weather for today: ");
            assertThat(deltas).allSatisfy(delta -> {
                assertThat(delta.length()).isBetween(1, 20);
                assertThat(Character.isLowSurrogate(delta.charAt(0))).isFalse();
                assertThat(Character.isHighSurrogate(delta.charAt(delta.length() - 1))).isFalse();
            });
        }

        @Test
        void aChunkSizeOfOneKeepsEachEmojiWhole() {
            MockProvider provider = MockProvider.builder().chunkSize(1)
                    .script(MockScript.parse("defaultResponse: \"a\uD83D\uDE00b\"")).build();

            StepVerifier.create(provider.stream(conversation(Message.user("go"))).filter(ProviderChunk::isText))
                    .expectNext(ProviderChunk.text("a"), ProviderChunk.text("\uD83D\uDE00"), ProviderChunk.text("b"))
                    .verifyComplete();
        }

        @Test
        void emitsSynchronouslyOnTheSubscribingThreadWithoutDelays() {
            MockProvider provider = MockProvider.builder()
                    .script(MockScript.parse("defaultResponse: " + "word ".repeat(100))).build();
            List<String> threads = new ArrayList<>();

            provider.stream(conversation(Message.user("go")))
                    .subscribe(chunk -> threads.add(Thread.currentThread().getName()));

            assertThat(threads).hasSize(26).containsOnly(Thread.currentThread().getName());
        }

        @Test
        void honoursDemand() {
            MockProvider provider = scripted("defaultResponse: " + "x".repeat(100));

            StepVerifier.create(provider.stream(conversation(Message.user("go"))), 2)
                    .expectNextCount(2)
                    .thenRequest(3)
                    .expectNextCount(3)
                    .thenRequest(1)
                    .assertNext(chunk -> assertThat(chunk.isFinish()).isTrue())
                    .verifyComplete();
        }
    }

    @Nested
    class ToolCalls {

        private final MockProvider provider = scripted(WEATHER_SCRIPT);

        @Test
        void emitsTheTextThenEachToolCallThenFinishesWithToolCalls() {
            StepVerifier.create(provider.stream(conversation(Message.user("What's the weather in Paris?"))))
                    .expectNext(ProviderChunk.text("Let me check the wea"))
                    .expectNext(ProviderChunk.text("ther in Paris."))
                    .assertNext(chunk -> {
                        assertThat(chunk.toolCall().id()).isEqualTo("call_0_get_weather");
                        assertThat(chunk.toolCall().name()).isEqualTo("get_weather");
                        assertThat(chunk.toolCall().argumentsJson())
                                .isEqualTo("{\"city\":\"Paris\",\"unit\":\"celsius\"}");
                    })
                    .assertNext(chunk -> {
                        assertThat(chunk.toolCall().id()).isEqualTo("call_1_get_air_quality");
                        assertThat(chunk.toolCall().arguments()).isEqualTo(Map.of("city", "Paris"));
                    })
                    .assertNext(chunk -> assertThat(chunk.finishReason()).isEqualTo("tool_calls"))
                    .verifyComplete();
        }

        @Test
        void answersTheToolResultsWithTheNextTurn() {
            Message question = Message.user("What's the weather in Paris?");
            ProviderResponse first = call(provider, conversation(question));

            assertThat(first.finishReason()).isEqualTo("tool_calls");
            assertThat(first.toolCalls()).extracting(ToolCall::id)
                    .containsExactly("call_0_get_weather", "call_1_get_air_quality");

            List<Message> history = new ArrayList<>(
                    List.of(question, Message.assistant(first.text(), first.toolCalls())));
            history.add(Message.tool(ToolResult.success("call_0_get_weather", "get_weather",
                    "{\"temp_c\":18,\"sky\":\"sunny\"}", 40)));
            history.add(Message.tool(ToolResult.success("call_1_get_air_quality", "get_air_quality",
                    "{\"aqi\":21}", 35)));
            ProviderResponse second = call(provider, ProviderRequest.of(null, null, history));

            assertThat(second.text()).isEqualTo("It is 18 degrees and sunny in Paris, and the air quality is good.");
            assertThat(second.toolCalls()).isEmpty();
            assertThat(second.finishReason()).isEqualTo("stop");
        }
    }

    @Nested
    class Usage {

        @Test
        void estimatesInputFromSystemAndMessagesAndOutputFromTextAndArguments() {
            MockProvider provider = scripted("""
                    turns:
                      - content: Checking.
                        tool_calls: [{name: get_weather, arguments: {city: Paris}}]
                    """);
            ProviderRequest request = ProviderRequest.of(null, "You are helpful.",
                    List.of(Message.user("Weather in Paris?")));

            ProviderResponse response = call(provider, request);

            // input: 16 chars of system (4) + 17 chars of user text (5); output: "Checking." (3) + {"city":"Paris"} (4)
            assertThat(response.usage()).isEqualTo(TokenUsage.of(9, 7));
        }

        @Test
        void isPricedAtTheGoMockRates() {
            MockProvider provider = scripted("defaultResponse: " + "y".repeat(4000));
            ProviderRequest request = ProviderRequest.of(null, null, List.of(Message.user("z".repeat(8000))));

            TokenUsage usage = call(provider, request).usage();
            CostInfo cost = provider.pricing().find(provider.defaultModel()).orElseThrow().cost(usage);

            assertThat(usage).isEqualTo(TokenUsage.of(2000, 1000));
            assertThat(cost.inputCostUsd()).isEqualTo(new BigDecimal("0.02"));
            assertThat(cost.outputCostUsd()).isEqualTo(new BigDecimal("0.01"));
            assertThat(cost.totalCostUsd()).isEqualTo(new BigDecimal("0.03"));
        }

        @Test
        void usesTheConfiguredCounterAndPricing() {
            PricingTable table = new PricingTable(Map.of("mock-model", ModelPricing.of(1, 2)));
            MockProvider provider = MockProvider.builder()
                    .script(MockScript.parse("defaultResponse: four words in here"))
                    .tokenCounter(text -> text == null ? 0 : text.split(" ").length)
                    .pricing(table)
                    .build();

            ProviderResponse response = call(provider,
                    ProviderRequest.of(null, "be brief", List.of(Message.user("hello there friend"))));

            assertThat(response.usage()).isEqualTo(TokenUsage.of(5, 4));
            assertThat(provider.pricing()).isSameAs(table);
        }
    }

    @Nested
    class Delays {

        private final MockProvider provider = MockProvider.builder()
                .script(MockScript.parse("defaultResponse: Twenty-five characters."))
                .firstChunkDelay(Duration.ofMillis(500))
                .chunkDelay(Duration.ofMillis(100))
                .build();

        @Test
        void waitBeforeTheFirstChunkAndBetweenChunks() {
            StepVerifier.withVirtualTime(() -> provider.stream(conversation(Message.user("go"))))
                    .expectSubscription()
                    .expectNoEvent(Duration.ofMillis(500))
                    .expectNext(ProviderChunk.text("Twenty-five characte"))
                    .expectNoEvent(Duration.ofMillis(100))
                    .expectNext(ProviderChunk.text("rs."))
                    .expectNoEvent(Duration.ofMillis(100))
                    .assertNext(chunk -> assertThat(chunk.finishReason()).isEqualTo("stop"))
                    .verifyComplete();
        }

        @Test
        void stopOnCancel() {
            VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
            try {
                List<ProviderChunk> received = new ArrayList<>();
                Disposable subscription = provider.stream(conversation(Message.user("go"))).subscribe(received::add);

                time.advanceTimeBy(Duration.ofMillis(500));
                assertThat(received).containsExactly(ProviderChunk.text("Twenty-five characte"));

                subscription.dispose();
                time.advanceTimeBy(Duration.ofMinutes(1));
                assertThat(received).hasSize(1);
            }
            finally {
                VirtualTimeScheduler.reset();
            }
        }

        @Test
        void applyBetweenChunksEvenWithoutAFirstChunkDelay() {
            MockProvider paced = MockProvider.builder().script(MockScript.parse("defaultResponse: short"))
                    .chunkDelay(Duration.ofSeconds(1)).build();

            StepVerifier.withVirtualTime(() -> paced.stream(conversation(Message.user("go"))))
                    .expectSubscription()
                    .expectNext(ProviderChunk.text("short"))
                    .expectNoEvent(Duration.ofSeconds(1))
                    .assertNext(chunk -> assertThat(chunk.isFinish()).isTrue())
                    .verifyComplete();
        }
    }

    @Test
    void aBadTurnNumberFailsTheStreamWithAProviderException() {
        MockProvider provider = MockProvider.builder().name("scripted").build();
        ProviderRequest request = withMetadata(Map.of("mock_turn_number", "two"), Message.user("hi"));

        StepVerifier.create(provider.stream(request))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessage("Provider 'scripted' failed: request metadata 'mock_turn_number' must be a whole"
                                + " number, got 'two'"))
                .verify();
    }

    @Test
    void servesManyConversationsAtOnce() {
        MockProvider provider = scripted(WEATHER_SCRIPT);

        List<String> finishReasons = Flux.range(0, 400)
                .parallel(4)
                .runOn(Schedulers.parallel())
                .flatMap(i -> provider.call(i % 2 == 0
                        ? conversation(Message.user("weather?"))
                        : conversation(Message.user("weather?"), Message.assistant("calling"), Message.user("ok"))))
                .map(ProviderResponse::finishReason)
                .sequential()
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(finishReasons).hasSize(400);
        assertThat(finishReasons).filteredOn("tool_calls"::equals).hasSize(200);
        assertThat(finishReasons).filteredOn("stop"::equals).hasSize(200);
    }

    @Test
    void buildsFromAScriptFile() throws Exception {
        Path file = Path.of(getClass().getResource("/mock/assistant.mock.yaml").toURI());
        MockProvider provider = MockProvider.fromScript(file);

        assertThat(call(provider, conversation(Message.user("hi"))).text())
                .isEqualTo("Hello! I can check the weather for you. Which city?");
    }
}
