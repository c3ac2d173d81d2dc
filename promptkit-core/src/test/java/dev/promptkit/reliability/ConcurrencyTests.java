/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.ForwardingProvider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.sdk.Response;
import dev.promptkit.state.ConversationState;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Many turns at once through the mock provider on an in-memory store. */
class ConcurrencyTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/tools/tools.pack.json"));
    private static final String MOCK_ANSWER = "Mock response from mock (mock-model)";

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final List<ProviderRequest> requests = new CopyOnWriteArrayList<>();
    private final ForwardingProvider mock = new ForwardingProvider(MockProvider.builder().build()) {
        @Override
        public Flux<ProviderChunk> stream(ProviderRequest request) {
            return Flux.defer(() -> {
                requests.add(request);
                return super.stream(request);
            });
        }
    };

    private ConversationOptions options(String id) {
        return ConversationOptions.builder().provider(mock).stateStore(store).conversationId(id).build();
    }

    @Test
    void twoHundredParallelSendsOnOneConversationRunOneAfterAnother() {
        Conversation chat = PromptKit.open(PACK, "assistant", options("busy"));
        int sends = 200;

        List<String> answers = Flux.range(0, sends)
                .flatMap(i -> chat.sendAsync("message " + i).map(r -> r.text()).subscribeOn(Schedulers.parallel()),
                        sends)
                .collectList().block(Duration.ofSeconds(30));

        assertThat(answers).hasSize(sends).containsOnly(MOCK_ANSWER);
        List<Message> history = chat.messages();
        assertThat(history).hasSize(2 * sends);
        Set<String> userTexts = new HashSet<>();
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).role()).as("message %d", i).isEqualTo(i % 2 == 0 ? Role.USER : Role.ASSISTANT);
            if (i % 2 == 0) {
                userTexts.add(history.get(i).text());
            }
        }
        assertThat(userTexts).as("every send stored once").hasSize(sends);
        assertThat(requests).hasSize(sends);
        for (int turn = 0; turn < sends; turn++) {
            List<Message> seen = requests.get(turn).messages();
            assertThat(texts(seen)).as("provider call %d sees every earlier turn, then its own message", turn)
                    .isEqualTo(texts(history.subList(0, 2 * turn + 1)));
        }
    }

    @Test
    void aThousandConversationsInParallelOnOneStoreLoseNothing() {
        int conversations = 1000;

        Flux.range(0, conversations)
                .flatMap(i -> Mono.defer(() -> PromptKit.open(PACK, "assistant", options("conv-" + i))
                        .sendAsync("hello from " + i)).subscribeOn(Schedulers.parallel()), 256)
                .blockLast(Duration.ofSeconds(30));

        assertThat(requests).hasSize(conversations);
        for (int i = 0; i < conversations; i++) {
            ConversationState state = store.load("conv-" + i).block();
            assertThat(state).as("conversation %d", i).isNotNull();
            assertThat(texts(state.messages())).as("conversation %d", i)
                    .containsExactly("USER: hello from " + i, "ASSISTANT: " + MOCK_ANSWER);
        }
    }

    @Test
    void twoHundredConversationsRunTheirBlockingToolHandlersAllAtOnceOnTheDefaults() {
        int conversations = 200;
        // each handler returns only once all 200 are running at the same time: a pool of Reactor's default size
        // (10 threads per core) could never get there, and every call would fail with the barrier's time-out
        CyclicBarrier allRunning = new CyclicBarrier(conversations);
        String weatherThenAnswer = """
                turns:
                  - type: tool_calls
                    tool_calls: [{name: get_weather, arguments: {city: Paris}}]
                  - "Done."
                """;

        List<Response> responses = Flux.range(0, conversations)
                .flatMap(i -> Mono.defer(() -> {
                    Conversation chat = PromptKit.open(PACK, "assistant", ConversationOptions.builder()
                            .provider(MockProvider.builder().script(MockScript.parse(weatherThenAnswer)).build())
                            .stateStore(store).conversationId("blocking-" + i)
                            .tools(tools -> tools.withTimeout(Duration.ofSeconds(60)))
                            .build());
                    chat.onTool("get_weather", args -> {
                        allRunning.await(30, TimeUnit.SECONDS);
                        return "sunny in " + args.get("city");
                    });
                    return chat.sendAsync("Weather in Paris?");
                }), conversations)
                .collectList().block(Duration.ofSeconds(90));

        assertThat(responses).hasSize(conversations).allSatisfy(response -> {
            assertThat(response.toolResults()).singleElement().satisfies(result -> {
                assertThat(result.isError()).as(result.error()).isFalse();
                assertThat(result.content()).isEqualTo("sunny in Paris");
            });
            assertThat(response.text()).isEqualTo("Done.");
        });
    }

    private static List<String> texts(List<Message> messages) {
        return messages.stream().map(m -> m.role() + ": " + m.text()).toList();
    }
}
