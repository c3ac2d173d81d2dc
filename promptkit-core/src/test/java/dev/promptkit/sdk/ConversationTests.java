/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.pack.VariableException;
import dev.promptkit.pipeline.ProviderIdleTimeoutException;
import dev.promptkit.provider.ModelPricing;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ConversationTests {

    private static final Path PACK_PATH = Path.of("src/test/resources/sdk/assistant.pack.json");
    private static final Pack PACK = PackLoader.load(PACK_PATH);

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final RecordingProvider provider = new RecordingProvider(MockProvider.builder()
            .script(MockScript.fromClasspath("sdk/script.yaml")).chunkSize(5).build());

    private ConversationOptions.Builder options() {
        return ConversationOptions.builder().provider(provider).stateStore(store).variable("user_name", "Alice");
    }

    private Conversation open() {
        return PromptKit.open(PACK, "chat", options().build());
    }

    @Test
    void sendAnswersAndStoresTheTurnWithTokensAndCost() {
        Conversation chat = open();

        Response response = chat.send("Hi!");

        assertThat(response.text()).isEqualTo("Hello there, nice to meet you!");
        assertThat(response.inputTokens()).isPositive();
        assertThat(response.outputTokens()).isEqualTo((response.text().length() + 3) / 4);
        assertThat(response.cost()).isEqualByComparingTo(BigDecimal.valueOf(response.tokensUsed() * 10).movePointLeft(6));
        assertThat(response.duration()).isPositive();
        assertThat(response.message().costInfo().totalCostUsd()).isEqualTo(response.cost());
        assertThat(chat.messages()).extracting(Message::role, Message::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Role.USER, "Hi!"),
                org.assertj.core.groups.Tuple.tuple(Role.ASSISTANT, "Hello there, nice to meet you!"));
    }

    @Test
    void openFromAPackFileWorksWithDefaultOptionsAndTheMockProvider() {
        try (Conversation chat = PromptKit.open(PACK_PATH.toString(), "summary")) {
            assertThat(chat.send("Summarise please").text()).startsWith("Mock response");
        }
    }

    @Test
    void streamEmitsTextDeltasThenDoneWithTheWholeResponse() {
        Conversation chat = open();

        List<StreamChunk> chunks = chat.stream("Hi!").collectList().block();

        assertThat(chunks).last().extracting(StreamChunk::type).isEqualTo(StreamChunk.Type.DONE);
        List<StreamChunk> text = chunks.subList(0, chunks.size() - 1);
        assertThat(text).allMatch(StreamChunk::isText).allMatch(c -> c.text().length() <= 5).hasSizeGreaterThan(3);
        String joined = String.join("", text.stream().map(StreamChunk::text).toList());
        assertThat(joined).isEqualTo(chunks.get(chunks.size() - 1).response().text());
        assertThat(chat.messages()).hasSize(2);
    }

    @Test
    void laterTurnsSendTheHistoryAndTheRenderedSystemPrompt() {
        Conversation chat = open();
        chat.send("first");
        Response second = chat.send("second");

        assertThat(second.text()).isEqualTo("This is the second answer.");
        ProviderRequest request = provider.lastRequest();
        assertThat(request.messages()).extracting(Message::text)
                .containsExactly("first", "Hello there, nice to meet you!", "second");
        assertThat(request.system()).isEqualTo("You help Alice in English (friendly). Sign as Kit.");
        assertThat(request.parameters().temperature()).isEqualTo(0.2);
        assertThat(request.parameters().maxTokens()).isEqualTo(100);
    }

    @Test
    void variablePrecedenceIsDefaultsThenOptionsThenSetVarThenVariableProviders() {
        Conversation chat = PromptKit.open(PACK, "chat", options()
                .variable("language", "French").variable("tone", "formal").variable("assistant_name", "Opt")
                .variableProvider(turn -> Mono.just(Map.of("assistant_name", "Provided")))
                .build());
        chat.setVar("tone", "friendly");

        chat.send("hi");

        assertThat(provider.lastRequest().system()).isEqualTo("You help Alice in French (friendly). Sign as Provided.");
        assertThat(chat.getVar("tone")).isEqualTo("friendly");
    }

    @Test
    void setVarsFromEnvStripsThePrefixAndLowerCases() {
        Conversation chat = open();
        chat.setVarsFrom("APP_", Map.of("APP_USER_NAME", "Bob", "OTHER", "x", "APP_", "ignored"));

        chat.send("hi");

        assertThat(chat.getVar("user_name")).isEqualTo("Bob");
        assertThat(provider.lastRequest().system()).startsWith("You help Bob in");
    }

    @Test
    void aMissingRequiredVariableFailsTheSendNamingItAndStoresNothing() {
        Conversation chat = PromptKit.open(PACK, "chat",
                ConversationOptions.builder().provider(provider).stateStore(store).build());

        assertThatThrownBy(() -> chat.send("hi")).isInstanceOf(VariableException.class).hasMessageContaining("user_name");
        assertThat(chat.messages()).isEmpty();
        assertThat(provider.requests).isEmpty();
    }

    @Test
    void aVariableBreakingItsValidationRuleFailsTheSend() {
        Conversation chat = open();
        chat.setVar("tone", "sarcastic");

        assertThatThrownBy(() -> chat.send("hi")).isInstanceOf(VariableException.class)
                .hasMessageContaining("tone").hasMessageContaining("sarcastic");
    }

    @Test
    void userTextIsNeverRenderedAsATemplate() {
        Conversation chat = open();

        chat.send("What is {{user_name}} and {{fragments.signature}}?");

        assertThat(provider.lastRequest().messages().get(0).text())
                .isEqualTo("What is {{user_name}} and {{fragments.signature}}?");
    }

    @Test
    void anUnknownPromptNamesTheAvailableOnes() {
        assertThatThrownBy(() -> PromptKit.open(PACK, "nope", options().build()))
                .isInstanceOf(PromptNotFoundException.class)
                .hasMessageContaining("'nope'").hasMessageContaining("[chat, summary]");
    }

    @Test
    void aClosedConversationRefusesEveryCallAndCloseIsIdempotent() {
        Conversation chat = open();
        chat.close();
        chat.close();

        assertThatThrownBy(() -> chat.send("hi")).isInstanceOf(ConversationClosedException.class)
                .hasMessageContaining(chat.id());
        assertThatThrownBy(() -> chat.stream("hi").blockLast()).isInstanceOf(ConversationClosedException.class);
        assertThatThrownBy(() -> chat.setVar("a", "b")).isInstanceOf(ConversationClosedException.class);
        assertThatThrownBy(chat::messages).isInstanceOf(ConversationClosedException.class);
        assertThatThrownBy(chat::fork).isInstanceOf(ConversationClosedException.class);
    }

    @Test
    void emptyTextIsRejected() {
        Conversation chat = open();
        assertThatThrownBy(() -> chat.send(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void resumeContinuesTheStoredConversationWithItsVariables() {
        Conversation chat = PromptKit.open(PACK, "chat", options().conversationId("user-42").build());
        chat.setVar("language", "German");
        chat.send("first");

        Conversation again = PromptKit.resume("user-42", PACK, "chat",
                ConversationOptions.builder().provider(provider).stateStore(store).build());

        assertThat(again.id()).isEqualTo("user-42");
        assertThat(again.send("second").text()).isEqualTo("This is the second answer.");
        assertThat(provider.lastRequest().system()).isEqualTo("You help Alice in German (friendly). Sign as Kit.");
        assertThat(again.messages()).hasSize(4);
    }

    @Test
    void resumeNeedsAStoreAndAStoredConversation() {
        assertThatThrownBy(() -> PromptKit.resume("x", PACK, "chat", ConversationOptions.defaults()))
                .isInstanceOf(NoStateStoreException.class);
        assertThatThrownBy(() -> PromptKit.resume("unknown-id", PACK, "chat", options().build()))
                .isInstanceOf(ConversationNotFoundException.class).hasMessageContaining("unknown-id");
    }

    @Test
    void forkBranchesIntoAnIndependentConversation() {
        Conversation chat = open();
        chat.send("shared");

        Conversation branch = chat.fork();
        branch.send("only in the branch");

        assertThat(branch.id()).startsWith(chat.id() + "-fork-");
        assertThat(chat.messages()).extracting(Message::text).containsExactly("shared", "Hello there, nice to meet you!");
        assertThat(branch.messages()).extracting(Message::text).containsExactly("shared",
                "Hello there, nice to meet you!", "only in the branch", "This is the second answer.");
        assertThat(branch.getVar("user_name")).isEqualTo("Alice");
    }

    @Test
    void clearForgetsTheHistoryButKeepsVariables() {
        Conversation chat = open();
        chat.send("hi");

        chat.clear();

        assertThat(chat.messages()).isEmpty();
        assertThat(chat.send("again").text()).isEqualTo("Hello there, nice to meet you!");
        assertThat(provider.lastRequest().system()).contains("Alice");
    }

    @Test
    void concurrentSendsAreSerialisedSoHistoryNeverInterleaves() {
        RecordingProvider slow = new RecordingProvider(MockProvider.builder().chunkSize(3)
                .chunkDelay(Duration.ofMillis(1)).build());
        Conversation chat = PromptKit.open(PACK, "chat", options().provider(slow).build());

        Flux.range(0, 20).flatMap(i -> chat.sendAsync("message " + i), 20).blockLast(Duration.ofSeconds(30));

        List<Message> history = chat.messages();
        assertThat(history).hasSize(40);
        for (int i = 0; i < 40; i += 2) {
            assertThat(history.get(i).role()).isEqualTo(Role.USER);
            assertThat(history.get(i + 1).role()).isEqualTo(Role.ASSISTANT);
        }
        for (int call = 0; call < slow.requests.size(); call++) {
            assertThat(slow.requests.get(call).messages()).as("call %d sees every earlier turn", call)
                    .hasSize(2 * call + 1);
        }
    }

    @Test
    void aTurnThatFailsMidStreamLeavesTheStoredHistoryUnchanged() {
        Conversation chat = PromptKit.open(PACK, "chat", options().provider(new FailingProvider()).build());
        store.append(chat.id(), List.of(Message.user("before"), Message.assistant("stored")), Map.of()).block();

        StepVerifier.create(chat.stream("hi"))
                .expectNextMatches(c -> c.isText() && c.text().equals("partial "))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessageContaining("failing").hasMessageContaining("HTTP 503"))
                .verify(Duration.ofSeconds(5));

        assertThat(chat.messages()).extracting(Message::text).containsExactly("before", "stored");
    }

    @Test
    void cancellingAStreamStopsTheProviderAndStoresNothing() throws InterruptedException {
        RecordingProvider slow = new RecordingProvider(MockProvider.builder().chunkSize(2)
                .chunkDelay(Duration.ofMillis(50)).build());
        Conversation chat = PromptKit.open(PACK, "chat", options().provider(slow).build());
        CountDownLatch firstChunk = new CountDownLatch(1);

        Disposable subscription = chat.stream("hi").subscribe(chunk -> firstChunk.countDown());
        assertThat(firstChunk.await(5, TimeUnit.SECONDS)).isTrue();
        subscription.dispose();

        assertThat(slow.cancellations).hasValue(1);
        assertThat(chat.messages()).isEmpty();
        assertThat(chat.send("after").text()).as("the conversation is usable after a cancel").isNotEmpty();
    }

    @Test
    void aSilentProviderFailsTheTurnAfterTheIdleTimeout() {
        MockProvider stalled = MockProvider.builder().firstChunkDelay(Duration.ofSeconds(10)).build();
        Conversation chat = PromptKit.open(PACK, "chat",
                options().provider(stalled)
                        .provider(provider -> provider.withIdleTimeout(Duration.ofMillis(100))).build());

        assertThatThrownBy(() -> chat.send("hi")).isInstanceOf(ProviderIdleTimeoutException.class)
                .hasMessageContaining("100 ms");
        assertThat(chat.messages()).isEmpty();
    }

    @Test
    void aSlowButSteadyProviderIsNotCutByTheIdleTimeout() {
        MockProvider steady = MockProvider.builder().chunkSize(4).chunkDelay(Duration.ofMillis(40)).build();
        Conversation chat = PromptKit.open(PACK, "chat",
                options().provider(steady)
                        .provider(provider -> provider.withIdleTimeout(Duration.ofMillis(150))).build());

        Response response = chat.send("hi");

        assertThat(response.duration()).as("longer than the idle timeout in total").isGreaterThan(Duration.ofMillis(300));
        assertThat(chat.messages()).hasSize(2);
    }

    @Test
    void pricingOverridesReplaceTheProvidersPrices() {
        Conversation chat = PromptKit.open(PACK, "chat",
                options().provider(provider -> provider.withPricing("mock-model", ModelPricing.of(1_000_000, 0)))
                        .build());

        Response response = chat.send("hi");

        assertThat(response.cost()).isEqualTo(BigDecimal.valueOf(response.inputTokens()));
    }

    /** Streams one chunk, then fails as an upstream 503 would. */
    private static final class FailingProvider implements Provider {
        @Override
        public String name() {
            return "failing";
        }

        @Override
        public String type() {
            return "test";
        }

        @Override
        public String defaultModel() {
            return "m";
        }

        @Override
        public Flux<ProviderChunk> stream(ProviderRequest request) {
            return Flux.concat(Flux.just(ProviderChunk.text("partial ")),
                    Flux.error(new ProviderException("failing", 503, "overloaded")));
        }
    }
}
