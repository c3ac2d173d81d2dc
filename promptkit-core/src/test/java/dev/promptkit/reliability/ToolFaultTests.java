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
import dev.promptkit.sdk.StreamChunk;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.tool.BlockingToolThreads;
import dev.promptkit.tool.InMemoryPendingStore;
import dev.promptkit.tool.LocalToolExecutor;
import dev.promptkit.tool.PendingResult;
import dev.promptkit.tool.PendingToolDecidedException;
import dev.promptkit.tool.ToolHandler;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Tool handlers that fail, hang, return what JSON cannot hold, are cancelled, or are approved twice. */
class ToolFaultTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/tools/tools.pack.json"));
    private static final String WEATHER_THEN_ANSWER = """
            turns:
              - type: tool_calls
                tool_calls: [{name: get_weather, arguments: {city: Paris}}]
              - "Done."
            """;

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final List<ProviderRequest> requests = new CopyOnWriteArrayList<>();

    private Conversation open(String script, ConversationOptions.Builder options) {
        ForwardingProvider mock = new ForwardingProvider(
                MockProvider.builder().script(MockScript.parse(script)).build()) {
            @Override
            public Flux<ProviderChunk> stream(ProviderRequest request) {
                return Flux.defer(() -> {
                    requests.add(request);
                    return super.stream(request);
                });
            }
        };
        return PromptKit.open(PACK, "assistant", options.provider(mock).stateStore(store).build());
    }

    private Response sendWithWeatherHandler(ToolHandler handler, ConversationOptions.Builder options) {
        Conversation chat = open(WEATHER_THEN_ANSWER, options);
        chat.onTool("get_weather", handler);
        Response response = chat.send("Weather in Paris?");
        assertThat(response.text()).as("the turn completes").isEqualTo("Done.");
        assertThat(chat.messages()).extracting(Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT);
        assertThat(requests.get(1).messages().get(2).toolResult().isError())
                .as("the model reads the error result").isTrue();
        return response;
    }

    @Test
    void aHandlerThatThrowsBecomesAnErrorResult() {
        Response response = sendWithWeatherHandler(args -> {
            throw new IllegalStateException("weather service down");
        }, ConversationOptions.builder());

        assertThat(response.toolResults()).singleElement().satisfies(result -> {
            assertThat(result.isError()).isTrue();
            assertThat(result.error()).contains("weather service down");
        });
    }

    @Test
    void aHandlerThatHangsTimesOutAsAnErrorResultAndIsInterrupted() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        try {
            Response response = sendWithWeatherHandler(args -> {
                try {
                    never.await(30, TimeUnit.SECONDS);
                }
                catch (InterruptedException ex) {
                    interrupted.countDown();
                    throw ex;
                }
                return "too late";
            }, ConversationOptions.builder().tools(tools -> tools.withTimeout(Duration.ofMillis(300))));

            assertThat(response.toolResults()).singleElement().satisfies(result -> {
                assertThat(result.isError()).isTrue();
                assertThat(result.error()).isEqualTo("the tool did not answer within 300 ms");
            });
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the handler's thread was interrupted").isTrue();
        }
        finally {
            never.countDown();
        }
    }

    /** Jackson cannot write it: its only property throws. */
    public static final class Unserialisable {
        public String getValue() {
            throw new IllegalStateException("no value here");
        }
    }

    @Test
    void aResultThatCannotBeSerialisedBecomesAnErrorResult() {
        Response response = sendWithWeatherHandler(args -> new Unserialisable(), ConversationOptions.builder());

        assertThat(response.toolResults()).singleElement().satisfies(result -> {
            assertThat(result.isError()).isTrue();
            assertThat(result.error()).contains("cannot be serialised to JSON").contains(Unserialisable.class.getName());
        });
    }

    @Test
    void cancellingTheStreamDuringASlowHandlerStoresNothingAndNeverRunsItAgain() throws Exception {
        BlockingToolThreads thread = BlockingToolThreads.platformThreads(1, Duration.ofSeconds(60));
        try {
            Conversation chat = open(WEATHER_THEN_ANSWER, ConversationOptions.builder());
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch exited = new CountDownLatch(1);
            chat.onToolExecutor("get_weather", new LocalToolExecutor((context, args) -> {
                runs.incrementAndGet();
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                    return "sunny";
                }
                finally {
                    exited.countDown();
                }
            }, thread));
            List<StreamChunk> chunks = new CopyOnWriteArrayList<>();

            Disposable subscription = chat.stream("Weather in Paris?").subscribe(chunks::add);
            assertThat(started.await(5, TimeUnit.SECONDS)).as("the handler started").isTrue();
            subscription.dispose();
            if (!exited.await(1, TimeUnit.SECONDS)) {
                release.countDown(); // not interrupted: let it finish, its result must be thrown away
            }
            assertThat(exited.await(10, TimeUnit.SECONDS)).isTrue();
            // whatever ran after the handler on its thread has finished once this runs there
            thread.call("probe", () -> "free").block(Duration.ofSeconds(10));

            assertThat(chunks).noneMatch(chunk -> chunk.type() == StreamChunk.Type.DONE);
            assertThat(chat.messages()).as("nothing stored for the cancelled turn").isEmpty();
            assertThat(requests).as("the model was not asked again").hasSize(1);
            assertThat(runs).as("the handler ran once").hasValue(1);
        }
        finally {
            thread.close();
        }
    }

    @Test
    void anApprovedHeldCallClaimedFromTwoConversationObjectsAtOnceRunsOnce() throws Exception {
        InMemoryPendingStore pending = new InMemoryPendingStore();
        AtomicInteger refunds = new AtomicInteger();
        CountDownLatch bothClaiming = new CountDownLatch(2);
        String script = """
                turns:
                  - type: tool_calls
                    tool_calls: [{name: process_refund, arguments: {order_id: A-1, amount: 250}}]
                  - "Refunded."
                """;
        ConversationOptions.Builder options = ConversationOptions.builder()
                .state(state -> state.withPendingStore(pending))
                .conversationId("approve-twice");
        Conversation chat = open(script, options);
        ToolHandler refund = args -> "refund #" + refunds.incrementAndGet();
        chat.onToolAsync("process_refund", args -> new PendingResult("over_limit", "needs approval"), refund);
        String callId = chat.send("Refund A-1").pendingTools().get(0).id();
        Conversation twin = PromptKit.resume("approve-twice", PACK, "assistant",
                options.stateStore(store).build());
        twin.onToolAsync("process_refund", args -> new PendingResult("over_limit", "needs approval"), refund);

        List<Object> outcomes = Flux.just(chat, twin)
                .flatMap(c -> Mono.fromRunnable(() -> {
                    bothClaiming.countDown();
                    try {
                        bothClaiming.await(5, TimeUnit.SECONDS);
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                }).then(c.resolveToolAsync(callId)).<Object>map(r -> r)
                        .onErrorResume(PendingToolDecidedException.class, running -> Mono.just("running"))
                        .subscribeOn(Schedulers.boundedElastic()))
                .collectList().block(Duration.ofSeconds(10));

        // the loser either finds the call still running or, once it has run, gets the same result
        assertThat(outcomes).hasSize(2).allMatch(o -> "running".equals(o)
                || o instanceof ToolResult result && "refund #1".equals(result.content()));
        assertThat(outcomes).filteredOn(ToolResult.class::isInstance).isNotEmpty();
        assertThat(refunds).hasValue(1);
        assertThat(twin.continueTurn().text()).isEqualTo("Refunded.");
        assertThat(chat.messages()).extracting(Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT);
    }
}
