/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.sdk.Response;
import dev.promptkit.sdk.StreamChunk;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolDescriptor;
import dev.promptkit.types.ToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class ToolLoopTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/tools/tools.pack.json"));

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final List<ProviderRequest> requests = new CopyOnWriteArrayList<>();

    private Conversation open(String script) {
        return open(script, ConversationOptions.builder());
    }

    private Conversation open(String script, ConversationOptions.Builder options) {
        MockProvider mock = MockProvider.builder().script(MockScript.parse(script)).build();
        dev.promptkit.provider.Provider recording = new dev.promptkit.provider.ForwardingProvider(mock) {
            @Override
            public reactor.core.publisher.Flux<dev.promptkit.provider.ProviderChunk> stream(ProviderRequest request) {
                requests.add(request);
                return super.stream(request);
            }
        };
        return PromptKit.open(PACK, "assistant", options.provider(recording).stateStore(store).build());
    }

    private static final String WEATHER_THEN_ANSWER = """
            turns:
              - type: tool_calls
                tool_calls: [{name: get_weather, arguments: {city: Paris}}]
              - "It is sunny in Paris."
            """;

    @Test
    void aTwoRoundToolConversationStoresTheWholeTurnAtomically() {
        Conversation chat = open(WEATHER_THEN_ANSWER);
        chat.onTool("get_weather", args -> Map.of("city", args.get("city"), "sky", "sunny", "celsius", 18));

        Response response = chat.send("Weather in Paris?");

        assertThat(response.text()).isEqualTo("It is sunny in Paris.");
        assertThat(response.toolCalls()).extracting(c -> c.name()).containsExactly("get_weather");
        assertThat(response.toolResults()).singleElement().satisfies(result -> {
            assertThat(result.isError()).isFalse();
            assertThat(result.content()).contains("\"sky\":\"sunny\"").contains("\"celsius\":18");
        });
        assertThat(chat.messages()).extracting(Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT);
        ProviderRequest second = requests.get(1);
        assertThat(second.messages()).extracting(Message::role).containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL);
        assertThat(second.messages().get(2).toolResult().id()).isEqualTo(second.messages().get(1).toolCalls().get(0).id());
        assertThat(requests.get(0).tools()).extracting(ToolDescriptor::name)
                .as("the blocklisted tool is never offered").containsExactly("get_weather", "get_time", "process_refund");
        assertThat(response.tokensUsed()).as("both provider calls are counted")
                .isEqualTo(requests.size() == 2 ? response.turnMessages().stream()
                        .filter(m -> m.role() == Role.ASSISTANT)
                        .mapToLong(m -> m.costInfo().inputTokens() + m.costInfo().outputTokens()).sum() : -1);
    }

    @Test
    void parallelCallsRunConcurrentlyAndTheirResultsKeepTheCallOrder() throws InterruptedException {
        Conversation chat = open("""
                turns:
                  - type: tool_calls
                    tool_calls:
                      - {name: get_weather, arguments: {city: Paris}}
                      - {name: get_weather, arguments: {city: Rome}}
                      - {name: get_time, arguments: {timezone: Europe/Paris}}
                  - "Done."
                """);
        CountDownLatch allStarted = new CountDownLatch(3);
        ToolHandler waitForAll = args -> {
            allStarted.countDown();
            if (!allStarted.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("calls did not run in parallel");
            }
            return args.values().iterator().next();
        };
        chat.onTool("get_weather", waitForAll).onTool("get_time", waitForAll);

        Response response = chat.send("go");

        assertThat(response.toolResults()).extracting(ToolResult::content)
                .containsExactly("Paris", "Rome", "Europe/Paris");
    }

    @Test
    void schemaInvalidArgumentsAreReportedToTheModelWithoutRunningTheHandler() {
        Conversation chat = open("""
                turns:
                  - type: tool_calls
                    tool_calls: [{name: get_weather, arguments: {town: Paris}}]
                  - "Sorry, let me retry."
                """);
        AtomicInteger runs = new AtomicInteger();
        chat.onTool("get_weather", args -> runs.incrementAndGet());

        Response response = chat.send("go");

        assertThat(runs).hasValue(0);
        ToolResult result = response.toolResults().get(0);
        assertThat(result.error()).contains("schema").contains("city").contains("town");
        assertThat(requests.get(1).messages().get(2).text()).contains("\"error\"").contains("city");
        assertThat(response.text()).isEqualTo("Sorry, let me retry.");
    }

    @Test
    void aThrowingHandlerAnUnregisteredToolAndAnUnofferedToolBecomeErrorResults() {
        Conversation chat = open("""
                turns:
                  - type: tool_calls
                    tool_calls:
                      - {name: get_weather, arguments: {city: Atlantis}}
                      - {name: get_time, arguments: {}}
                      - {name: delete_account, arguments: {}}
                      - {name: launch_rockets, arguments: {}}
                  - "I could not do all of that."
                """);
        chat.onTool("get_weather", args -> {
            throw new IllegalArgumentException("unknown city Atlantis");
        });

        Response response = chat.send("go");

        assertThat(response.toolResults()).extracting(ToolResult::error).containsExactly(
                "unknown city Atlantis",
                "Tool 'get_time': no handler is registered for this tool (onTool, @PromptTool, an HTTP or MCP binding)",
                "no tool named 'delete_account' is available; the tools are [get_weather, get_time, process_refund]",
                "no tool named 'launch_rockets' is available; the tools are [get_weather, get_time, process_refund]");
        assertThat(response.text()).isEqualTo("I could not do all of that.");
    }

    @Test
    void aHandlerThatHangsTimesOutAsAnErrorResult() {
        Conversation chat = open(WEATHER_THEN_ANSWER, ConversationOptions.builder()
                .tools(tools -> tools.withTimeout(Duration.ofMillis(200))));
        chat.onToolExecutor("get_weather", (call, context) -> Mono.never());

        Response response = chat.send("go");

        assertThat(response.toolResults().get(0).error()).isEqualTo("the tool did not answer within 200 ms");
        assertThat(response.text()).isEqualTo("It is sunny in Paris.");
    }

    @Test
    void aModelThatKeepsAskingForToolsIsStoppedAfterMaxRoundsAndNothingIsStored() {
        Conversation chat = open("""
                defaultResponse:
                  type: tool_calls
                  tool_calls: [{name: get_time, arguments: {timezone: UTC}}]
                """.replace("defaultResponse:\n  type", "turns:\n  - type").replace("  tool_calls: [", "    tool_calls: [")
                + "  - {type: tool_calls, tool_calls: [{name: get_time, arguments: {timezone: CET}}]}\n"
                + "  - {type: tool_calls, tool_calls: [{name: get_time, arguments: {timezone: EST}}]}\n"
                + "  - {type: tool_calls, tool_calls: [{name: get_time, arguments: {timezone: PST}}]}\n");
        chat.onTool("get_time", args -> "12:00");

        assertThatThrownBy(() -> chat.send("go")).isInstanceOf(ToolLoopException.class)
                .hasMessageContaining("3 rounds").hasMessageContaining("max_rounds");
        assertThat(requests).hasSize(4);
        assertThat(chat.messages()).isEmpty();
    }

    @Test
    void callsBeyondTheTurnLimitAndIdenticalRepeatsAreRefusedToTheModel() {
        Conversation chat = open("""
                turns:
                  - type: tool_calls
                    tool_calls:
                      - {name: get_time, arguments: {timezone: UTC}}
                      - {name: get_time, arguments: {timezone: UTC}}
                      - {name: get_time, arguments: {timezone: UTC}}
                      - {name: get_time, arguments: {timezone: CET}}
                      - {name: get_time, arguments: {timezone: EST}}
                      - {name: get_time, arguments: {timezone: PST}}
                  - "Enough."
                """);
        chat.onTool("get_time", args -> "12:00");

        Response response = chat.send("go");

        assertThat(response.toolResults()).extracting(r -> r.isError() ? r.error() : r.content()).containsExactly(
                "12:00", "12:00",
                "this exact call was already made twice in this turn; use the earlier results instead of calling it again",
                "12:00", "12:00",
                "the limit of 4 tool calls per turn is reached; answer with what you have");
    }

    @Test
    void streamingEmitsToolCallChunksThenTheFinalRoundsText() {
        Conversation chat = open(WEATHER_THEN_ANSWER);
        chat.onTool("get_weather", args -> "sunny");

        List<StreamChunk> chunks = chat.stream("go").collectList().block();

        assertThat(chunks.get(0).type()).isEqualTo(StreamChunk.Type.TOOL_CALL);
        assertThat(chunks.get(0).toolCall().name()).isEqualTo("get_weather");
        assertThat(chunks.subList(1, chunks.size() - 1)).allMatch(StreamChunk::isText);
        assertThat(chunks.get(chunks.size() - 1).response().toolResults()).hasSize(1);
    }

    @Test
    void registeringAHandlerForAToolThePackLacksNamesTheTool() {
        Conversation chat = open(WEATHER_THEN_ANSWER);
        assertThatThrownBy(() -> chat.onTool("get_wether", args -> null)).isInstanceOf(ToolNotInPackException.class)
                .hasMessageContaining("'get_wether'").hasMessageContaining("[delete_account, get_time, get_weather, process_refund]");
        assertThatThrownBy(() -> open(WEATHER_THEN_ANSWER, ConversationOptions.builder()
                .tools(tools -> tools.withBinding("nope", ToolBinding.of((call, context) -> Mono.just("x"), "test")))))
                .isInstanceOf(ToolNotInPackException.class);
    }

    @Test
    void handlersReturningMonoOrFuturesAreAwaitedAndNullIsJsonNull() {
        Conversation chat = open("""
                turns:
                  - type: tool_calls
                    tool_calls:
                      - {name: get_weather, arguments: {city: Paris}}
                      - {name: get_time, arguments: {}}
                  - "ok"
                """);
        chat.onTool("get_weather", args -> Mono.just(List.of(1, 2)));
        chat.onToolCtx("get_time", (context, args) -> java.util.concurrent.CompletableFuture.completedFuture(
                context.conversationId().equals(chat.id()) ? null : "wrong context"));

        assertThat(chat.send("go").toolResults()).extracting(ToolResult::content).containsExactly("[1,2]", "null");
    }

    @Test
    void aResultThatCannotBeSerialisedIsAnErrorNamingTheTool() {
        Conversation chat = open(WEATHER_THEN_ANSWER);
        chat.onTool("get_weather", args -> {
            Map<String, Object> cyclic = new java.util.HashMap<>();
            cyclic.put("self", cyclic);
            return cyclic;
        });

        assertThat(chat.send("go").toolResults().get(0).error()).contains("get_weather").contains("cannot be serialised");
    }
}
