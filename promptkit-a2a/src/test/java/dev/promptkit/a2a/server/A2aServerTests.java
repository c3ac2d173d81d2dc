/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.a2a.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.state.InMemoryStateStore;
import io.a2a.util.Utils;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The server's JSON-RPC binding, request by request as the A2A specification writes them: results, streamed
 * events, the conversation behind a context, and the errors of requests that are not right.
 */
class A2aServerTests {

    static final Pack PACK = PackLoader.load(new ByteArrayInputStream("""
            {"id": "translator", "name": "Translator", "version": "1.2.0",
             "template_engine": {"version": "v1", "syntax": "{{variable}}"},
             "prompts": {"translate": {"id": "translate", "name": "Translate", "version": "1.0.0",
                 "system_template": "Translate into Spanish."},
               "internal": {"id": "internal", "name": "Internal", "version": "1.0.0", "system_template": "No."}},
             "agents": {"entry": "translate", "members": {"translate": {"description": "English to Spanish",
                 "tags": ["translation"], "input_modes": ["text/plain"], "output_modes": ["text/plain"]}}}}
            """.getBytes(StandardCharsets.UTF_8)), "translator.pack.json");

    private static final String SCRIPT = """
            rules:
              - match: "hello"
                response: "hola amigo, que tal"
            defaultResponse: "no entiendo"
            """;

    private final InMemoryStateStore state = new InMemoryStateStore();
    private final InMemoryA2aTaskStore tasks = new InMemoryA2aTaskStore(Duration.ofMinutes(5));

    @Test
    void messageSendAnswersWithTheCompletedTask() throws Exception {
        JsonNode response = single(server(mock(Duration.ZERO), true), send("req-1", "hello", null));

        assertThat(response.get("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(response.get("id").asText()).isEqualTo("req-1");
        JsonNode task = response.get("result");
        assertThat(task.get("kind").asText()).isEqualTo("task");
        assertThat(task.at("/status/state").asText()).isEqualTo("completed");
        assertThat(task.at("/artifacts/0/parts/0/text").asText()).isEqualTo("hola amigo, que tal");
        assertThat(task.at("/history/0/role").asText()).isEqualTo("user");
        assertThat(task.at("/history/1/role").asText()).isEqualTo("agent");
        String contextId = task.get("contextId").asText();
        assertThat(state.load("a2a/translate/" + contextId).block().messages()).hasSize(2);
    }

    @Test
    void aMessageWithAnEarlierContextIdContinuesItsConversation() throws Exception {
        A2aServer server = server(mock(Duration.ZERO), true);
        single(server, send(1, "hello", "ctx-7"));
        JsonNode second = single(server, send(2, "and goodbye", "ctx-7"));

        assertThat(second.get("id").asInt()).isEqualTo(2);
        assertThat(second.at("/result/contextId").asText()).isEqualTo("ctx-7");
        assertThat(second.at("/result/artifacts/0/parts/0/text").asText()).isEqualTo("no entiendo");
        assertThat(state.load("a2a/translate/ctx-7").block().messages()).hasSize(4);
    }

    @Test
    void messageStreamSendsTheTaskThePiecesOfTheAnswerThenTheFinalStatus() throws Exception {
        A2aServer server = server(mock(Duration.ZERO), true);
        List<JsonNode> events = stream(server, "{\"jsonrpc\": \"2.0\", \"id\": 3, \"method\": \"message/stream\","
                + " \"params\": {\"message\": " + message("hello", null) + "}}").collectList().block();

        assertThat(events.get(0).at("/result/kind").asText()).isEqualTo("task");
        assertThat(events.get(0).at("/result/status/state").asText()).isEqualTo("working");
        List<JsonNode> pieces = events.subList(1, events.size() - 1);
        assertThat(pieces).hasSizeGreaterThan(1).allSatisfy(piece -> assertThat(piece.at("/result/kind").asText())
                .isEqualTo("artifact-update"));
        assertThat(pieces.get(0).at("/result/append").asBoolean()).isFalse();
        assertThat(pieces.get(1).at("/result/append").asBoolean()).isTrue();
        assertThat(String.join("", pieces.stream().map(piece -> piece.at("/result/artifact/parts/0/text").asText())
                .toList())).isEqualTo("hola amigo, que tal");
        JsonNode last = events.get(events.size() - 1).get("result");
        assertThat(last.get("kind").asText()).isEqualTo("status-update");
        assertThat(last.get("final").asBoolean()).isTrue();
        assertThat(last.at("/status/state").asText()).isEqualTo("completed");

        String taskId = last.get("taskId").asText();
        JsonNode read = single(server, "{\"jsonrpc\": \"2.0\", \"id\": 4, \"method\": \"tasks/get\", \"params\":"
                + " {\"id\": \"" + taskId + "\", \"historyLength\": 1}}");
        assertThat(read.at("/result/status/state").asText()).isEqualTo("completed");
        assertThat(read.at("/result/history")).hasSize(1);
        assertThat(read.at("/result/history/0/role").asText()).isEqualTo("agent");
    }

    @Test
    void tasksCancelStopsAStreamingTaskWhichEndsCanceled() throws Exception {
        A2aServer server = server(mock(Duration.ofMillis(200)), true);
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        Disposable running = stream(server, "{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\": \"message/stream\","
                + " \"params\": {\"message\": " + message("hello", null) + "}}").subscribe(events::add);
        await(() -> events.size() >= 2);
        String taskId = events.get(0).at("/result/id").asText();

        JsonNode canceled = single(server, "{\"jsonrpc\": \"2.0\", \"id\": 6, \"method\": \"tasks/cancel\","
                + " \"params\": {\"id\": \"" + taskId + "\"}}");

        assertThat(canceled.at("/result/status/state").asText()).isEqualTo("canceled");
        await(running::isDisposed);
        JsonNode last = events.get(events.size() - 1).get("result");
        assertThat(last.get("kind").asText()).isEqualTo("status-update");
        assertThat(last.at("/status/state").asText()).isEqualTo("canceled");
        assertThat(tasks.find(taskId).block().getStatus().state().asString()).isEqualTo("canceled");
        JsonNode again = single(server, "{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": \"tasks/cancel\","
                + " \"params\": {\"id\": \"" + taskId + "\"}}");
        assertThat(again.at("/error/code").asInt()).isEqualTo(-32002);
        assertThat(again.at("/error/message").asText()).isEqualTo("task " + taskId + " is canceled and can no"
                + " longer be canceled");
    }

    @Test
    void aTurnThatFailsEndsTheTaskFailedAndLeavesTheConversationAsItWas() throws Exception {
        JsonNode response = single(server(new DownProvider(), true), send(8, "hello", "ctx-down"));

        assertThat(response.at("/result/status/state").asText()).isEqualTo("failed");
        assertThat(response.at("/result/status/message/parts/0/text").asText()).contains("the provider is down");
        assertThat(state.load("a2a/translate/ctx-down").blockOptional()).isEmpty();
    }

    @Test
    void anAgentThatDoesNotStreamRefusesMessageStreamAndItsCardSaysSo() throws Exception {
        A2aServer server = server(mock(Duration.ZERO), false);
        JsonNode response = single(server, "{\"jsonrpc\": \"2.0\", \"id\": 9, \"method\": \"message/stream\","
                + " \"params\": {\"message\": " + message("hello", null) + "}}");

        assertThat(response.at("/error/code").asInt()).isEqualTo(-32004);
        assertThat(server.card("translate", "http://127.0.0.1/a2a/translate").capabilities().streaming()).isFalse();
    }

    @Test
    void requestsThatAreNotRightGetJsonRpcErrorsSayingWhatIsWrong() throws Exception {
        A2aServer server = server(mock(Duration.ZERO), true);

        assertError(single(server, "{not json"), -32700, "the body is not JSON: Unexpected character ('n' (code 110)):"
                + " was expecting double-quote to start field name");
        assertError(single(server, "[1, 2]"), -32600, "the body is not a JSON-RPC request object");
        assertError(single(server, "{\"jsonrpc\": \"1.0\", \"id\": 1, \"method\": \"message/send\"}"), -32600,
                "'jsonrpc' must be \"2.0\"");
        assertError(single(server, "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tasks/list\"}"), -32601,
                "method 'tasks/list' is not one this agent serves (message/send, message/stream, tasks/get,"
                        + " tasks/cancel)");
        assertError(single(server, "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"message/send\"}"), -32602,
                "message/send: 'params' is missing");
        assertError(single(server, "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"message/send\", \"params\":"
                + " {\"message\": {\"kind\": \"message\", \"role\": \"user\", \"messageId\": \"m\", \"parts\":"
                + " [{\"kind\": \"data\", \"data\": {\"a\": 1}}]}}}"), -32602,
                "message/send: 'params.message' has no text part; this agent reads text");
        assertError(single(server, "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tasks/get\", \"params\":"
                + " {\"id\": \"nope\"}}"), -32001, "task nope was not found (unknown, or expired)");
        JsonNode withTask = single(server, "{\"jsonrpc\": \"2.0\", \"id\": \"x\", \"method\": \"message/send\","
                + " \"params\": {\"message\": {\"kind\": \"message\", \"role\": \"user\", \"messageId\": \"m\","
                + " \"taskId\": \"t-old\", \"parts\": [{\"kind\": \"text\", \"text\": \"hi\"}]}}}");
        assertThat(withTask.get("id").asText()).isEqualTo("x");
        assertThat(withTask.at("/error/code").asInt()).isEqualTo(-32602);
    }

    @Test
    void servesTheMembersOfTheAgentsSectionAndNamesTheEntry() {
        A2aServer server = server(mock(Duration.ZERO), true);

        assertThat(server.agents()).containsExactly("translate");
        assertThat(server.entryAgent()).contains("translate");
    }

    private static void assertError(JsonNode response, int code, String message) {
        assertThat(response.at("/error/code").asInt()).as(message).isEqualTo(code);
        assertThat(response.at("/error/message").asText()).isEqualTo(message);
        assertThat(response.has("result")).isFalse();
    }

    private A2aServer server(Provider provider, boolean streaming) {
        Conversations conversations = Conversations.builder().pack("translator", PACK).options(ConversationOptions
                .builder().provider(provider).stateStore(state).build()).build();
        return new A2aServer(conversations, "translator", tasks, streaming);
    }

    private static Provider mock(Duration chunkDelay) {
        return MockProvider.builder().script(MockScript.parse(SCRIPT)).chunkSize(4).chunkDelay(chunkDelay).build();
    }

    static JsonNode single(A2aServer server, String body) throws Exception {
        A2aReply reply = server.handle("translate", body);
        assertThat(reply).isInstanceOf(A2aReply.Single.class);
        return Utils.OBJECT_MAPPER.readTree(((A2aReply.Single) reply).json().block());
    }

    private static Flux<JsonNode> stream(A2aServer server, String body) {
        A2aReply reply = server.handle("translate", body);
        assertThat(reply).isInstanceOf(A2aReply.Stream.class);
        return ((A2aReply.Stream) reply).events().map(json -> {
            try {
                return Utils.OBJECT_MAPPER.readTree(json);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static String send(Object id, String text, String contextId) {
        return "{\"jsonrpc\": \"2.0\", \"id\": " + (id instanceof String ? "\"" + id + "\"" : id)
                + ", \"method\": \"message/send\", \"params\": {\"message\": " + message(text, contextId) + "}}";
    }

    private static String message(String text, String contextId) {
        return "{\"kind\": \"message\", \"role\": \"user\", \"messageId\": \"m-" + text.hashCode() + "\""
                + (contextId == null ? "" : ", \"contextId\": \"" + contextId + "\"")
                + ", \"parts\": [{\"kind\": \"text\", \"text\": \"" + text + "\"}]}";
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** A provider whose every call fails. */
    private static final class DownProvider implements Provider {

        @Override
        public String name() {
            return "down";
        }

        @Override
        public String type() {
            return "test";
        }

        @Override
        public String defaultModel() {
            return "none";
        }

        @Override
        public Flux<ProviderChunk> stream(ProviderRequest request) {
            return Flux.error(new IllegalStateException("the provider is down"));
        }
    }
}
