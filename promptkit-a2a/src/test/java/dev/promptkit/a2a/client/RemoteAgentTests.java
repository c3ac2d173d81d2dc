/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.a2a.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.secret.CredentialSource;
import dev.promptkit.tool.ToolBinding;
import dev.promptkit.tool.ToolContext;
import dev.promptkit.tool.ToolException;
import dev.promptkit.types.ToolCall;
import io.a2a.client.http.JdkA2AHttpClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A remote agent on a loopback fake that speaks A2A's JSON-RPC binding as the protocol's specification shows it:
 * cards, {@code message/send} results, {@code message/stream} events, JSON-RPC errors, and a fake that misbehaves.
 */
class RemoteAgentTests {

    private static final String TOKEN = "s3cr3t-token-value";

    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsTheInputWithMessageSendAndAnswersWithTheCompletedTasksArtifacts() throws Exception {
        server.enqueue(json(card(false)));
        server.enqueue(json(result("""
                {"kind": "task", "id": "t1", "contextId": "c1", "status": {"state": "completed"},
                 "artifacts": [{"artifactId": "a1", "parts": [{"kind": "text", "text": "HELLO"}]}]}""")));
        RemoteAgents agents = connect(config(Duration.ofSeconds(5)));

        ToolBinding binding = agents.find("a2a__echo__shout").orElseThrow();
        String answer = binding.executor().execute(call("a2a__echo__shout", "hello"), context()).block();

        assertThat(answer).isEqualTo("HELLO");
        RecordedRequest cardRequest = server.takeRequest();
        assertThat(cardRequest.getTarget()).isEqualTo("/agents/echo/.well-known/agent-card.json");
        assertThat(cardRequest.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        RecordedRequest send = server.takeRequest();
        assertThat(send.getTarget()).isEqualTo("/rpc");
        assertThat(send.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        String body = send.getBody().utf8();
        assertThat(body).contains("\"method\":\"message/send\"").contains("\"text\":\"hello\"")
                .contains("\"skillId\":\"shout\"").contains("\"role\":\"user\"");
    }

    @Test
    void streamsWhenTheCardSaysSoAndJoinsTheArtifactPieces() throws Exception {
        server.enqueue(json(card(true)));
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(
                sse(result("{\"kind\": \"task\", \"id\": \"t1\", \"contextId\": \"c1\", \"status\": {\"state\": \"working\"}}"))
                        + sse(result(piece("HEL", false)))
                        + sse(result(piece("LO", true)))
                        + sse(result("{\"kind\": \"status-update\", \"taskId\": \"t1\", \"contextId\": \"c1\","
                                + " \"final\": true, \"status\": {\"state\": \"completed\"}}")))
                .build());
        RemoteAgent agent = RemoteAgent.connect(config(Duration.ofSeconds(5)), new JdkA2AHttpClient());

        assertThat(agent.ask("shout", "hello", null).block()).isEqualTo("HELLO");
        server.takeRequest();
        RecordedRequest stream = server.takeRequest();
        assertThat(stream.getBody().utf8()).contains("\"method\":\"message/stream\"");
        assertThat(stream.getHeaders().get("Accept")).isEqualTo("text/event-stream");
    }

    @Test
    void aJsonRpcErrorFailsTheCallNamingTheAgentAndTheErrorsCode() {
        server.enqueue(json(card(false)));
        server.enqueue(json("{\"jsonrpc\": \"2.0\", \"id\": 1, \"error\": {\"code\": -32001, \"message\":"
                + " \"Task not found\"}}"));
        RemoteAgents agents = connect(config(Duration.ofSeconds(5)));

        assertThatThrownBy(() -> agents.find("a2a__echo__shout").orElseThrow().executor()
                .execute(call("a2a__echo__shout", "hello"), context()).block())
                .isInstanceOf(ToolException.class)
                .hasMessageStartingWith("Tool 'a2a__echo__shout': A2A agent 'echo' at " + rpcUrl() + " failed: ")
                .hasMessageContaining("-32001").hasMessageContaining("Task not found")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aTaskThatFailedFailsTheCallWithItsStateAndStatusMessage() {
        server.enqueue(json(card(false)));
        server.enqueue(json(result("""
                {"kind": "task", "id": "t9", "contextId": "c1", "status": {"state": "failed", "message":
                  {"kind": "message", "role": "agent", "messageId": "m1", "parts": [{"kind": "text",
                   "text": "the model is overloaded"}]}}}""")));
        RemoteAgent agent = RemoteAgent.connect(config(Duration.ofSeconds(5)), new JdkA2AHttpClient());

        assertThatThrownBy(() -> agent.ask("shout", "hello", null).block())
                .hasMessage("A2A agent 'echo' at " + rpcUrl() + " failed: task t9 ended failed: the model is"
                        + " overloaded");
    }

    @Test
    void anHttpErrorStatusFailsTheCallNamingIt() {
        server.enqueue(json(card(false)));
        server.enqueue(new MockResponse.Builder().code(503).body("overloaded").build());
        RemoteAgent agent = RemoteAgent.connect(config(Duration.ofSeconds(5)), new JdkA2AHttpClient());

        assertThatThrownBy(() -> agent.ask("shout", "hello", null).block())
                .hasMessageStartingWith("A2A agent 'echo' at " + rpcUrl() + " failed: ").hasMessageContaining("503");
    }

    @Test
    void anAgentThatStallsMidStreamFailsTheCallAfterTheTimeout() {
        server.enqueue(json(card(true)));
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body(sse(result(piece("HEL", false))) + ": padding\n".repeat(50))
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());
        RemoteAgent agent = RemoteAgent.connect(config(Duration.ofMillis(800)), new JdkA2AHttpClient());

        assertThatThrownBy(() -> agent.ask("shout", "hello", null).block())
                .hasMessage("A2A agent 'echo' at " + rpcUrl() + " did not answer within PT0.8S");
    }

    @Test
    void aCardThatIsNotACardFailsNamingTheAgentAndTheCardsUrl() {
        server.enqueue(json("{\"name\": \"echo\"}"));

        assertThatThrownBy(() -> connect(config(Duration.ofSeconds(5))))
                .isInstanceOf(RemoteAgentCardException.class)
                .hasMessageStartingWith("A2A agent 'echo': its card at " + server.url("/agents/echo")
                        + "/.well-known/agent-card.json cannot be read: ")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void describesEachSkillOfTheCardAsATakingAnInputAndKnowsNoOtherTool() {
        server.enqueue(json(card(false)));
        RemoteAgents agents = connect(config(Duration.ofSeconds(5)));

        assertThat(agents.toolNames()).containsExactly("a2a__echo__shout", "a2a__echo__whisper");
        assertThat(agents.describe("a2a__echo__whisper").orElseThrow().description())
                .isEqualTo("Says it quietly (skill 'whisper' of the remote agent 'Echo'). Examples: psst");
        assertThat(agents.describe("a2a__echo__sing")).isEmpty();
        assertThat(agents.find("a2a__other__shout")).isEmpty();
        assertThat(agents.find("mcp__echo__shout")).isEmpty();
    }

    @Test
    void aNameThatWouldBreakToolNamesIsRejected() {
        assertThatThrownBy(() -> RemoteAgentConfig.of("my__agent", "http://127.0.0.1:1/"))
                .hasMessage("A2A agent name 'my__agent' is not valid: use letters, digits, '-' and '_', without '__'");
        assertThatThrownBy(() -> RemoteAgentConfig.of("agent", "ftp://127.0.0.1/"))
                .hasMessage("A2A agent 'agent': url 'ftp://127.0.0.1/' is not an http(s) URL");
    }

    private RemoteAgents connect(RemoteAgentConfig config) {
        return RemoteAgents.connect(List.of(config), new JdkA2AHttpClient());
    }

    private RemoteAgentConfig config(Duration timeout) {
        return new RemoteAgentConfig("echo", URI.create(server.url("/agents/echo").toString()), timeout,
                CredentialSource.literal(TOKEN), null, null);
    }

    private String rpcUrl() {
        return server.url("/rpc").toString();
    }

    private String card(boolean streaming) {
        return """
                {"name": "Echo", "description": "Shouts or whispers", "url": "%s", "version": "1.0.0",
                 "protocolVersion": "0.3.0", "preferredTransport": "JSONRPC",
                 "capabilities": {"streaming": %s}, "defaultInputModes": ["text/plain"],
                 "defaultOutputModes": ["text/plain"],
                 "skills": [{"id": "shout", "name": "Shout", "description": "Says it loudly", "tags": ["loud"]},
                            {"id": "whisper", "name": "Whisper", "description": "Says it quietly", "tags": ["quiet"],
                             "examples": ["psst"]}]}""".formatted(rpcUrl(), streaming);
    }

    private static String piece(String text, boolean append) {
        return "{\"kind\": \"artifact-update\", \"taskId\": \"t1\", \"contextId\": \"c1\", \"append\": " + append
                + ", \"artifact\": {\"artifactId\": \"a1\", \"parts\": [{\"kind\": \"text\", \"text\": \"" + text
                + "\"}]}}";
    }

    private static String result(String result) {
        return "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": " + result.replace("\n", " ") + "}";
    }

    private static String sse(String data) {
        return "data: " + data + "\n\n";
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
    }

    private static ToolCall call(String name, String input) {
        return ToolCall.of("call-1", name, Map.of("input", input));
    }

    private static ToolContext context() {
        return new ToolContext("conversation-1", "call-1", "a2a__echo__shout");
    }
}
