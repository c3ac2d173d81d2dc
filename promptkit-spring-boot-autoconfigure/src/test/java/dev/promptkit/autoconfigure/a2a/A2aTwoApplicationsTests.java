/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.a2a.server.A2aTaskStore;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.Response;
import dev.promptkit.state.StateStore;
import dev.promptkit.types.ToolResult;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.spec.AgentCard;
import io.a2a.spec.Message;
import io.a2a.spec.MessageSendParams;
import io.a2a.spec.Task;
import io.a2a.spec.TaskQueryParams;
import io.a2a.spec.TaskState;
import io.a2a.spec.TextPart;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.web.server.WebFilter;

/**
 * Two (three) Spring Boot applications talking A2A over loopback: two serve the translator pack's agent (one
 * streaming, its tasks in Redis; one not, its tasks in memory), the third's prompt calls their skills as tools
 * {@code a2a__<agent>__translate}, all on the mock provider. The official A2A Java SDK's client checks the servers
 * too. Closing one of the applications stops the others' servers too (they share Reactor Netty's global resources),
 * so the test that closes one runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class A2aTwoApplicationsTests {

    private static final String PREFIX = "promptkit-test:a2a-" + UUID.randomUUID() + ":";
    private static final List<String> STREAMER_ACCEPTS = new CopyOnWriteArrayList<>();

    private static ConfigurableApplicationContext streamer;
    private static ConfigurableApplicationContext sender;
    private static ConfigurableApplicationContext desk;

    @BeforeAll
    static void start() {
        streamer = translator(true, "--promptkit.a2a.server.task-store=redis",
                "--promptkit.a2a.server.redis-key-prefix=" + PREFIX + "task:",
                "--promptkit.state-store.type=redis", "--promptkit.state-store.key-prefix=" + PREFIX + "state:");
        sender = translator(false, "--promptkit.state-store.type=memory");
        desk = desk("--promptkit.a2a.agents.streamer.url=" + agentUrl(streamer),
                "--promptkit.a2a.agents.sender.url=" + agentUrl(sender), "--promptkit.a2a.agents.sender.timeout=5s");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { desk, sender,
                streamer }) {
            if (context != null && context.isActive()) {
                if (context == streamer) {
                    ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(
                            context.getBean(ReactiveRedisConnectionFactory.class));
                    redis.keys(PREFIX + "*").flatMap(redis::delete).blockLast();
                }
                context.close();
            }
        }
    }

    @Test
    @Order(1)
    void aPromptCallsAStreamingRemoteAgentsSkillAsATool() {
        try (Conversation conversation = desk.getBean(Conversations.class).open("desk")) {
            Response response = conversation.send("say hello, streaming please");

            assertThat(response.text()).isEqualTo("The translator says: hola amigo.");
            ToolResult result = response.toolResults().get(0);
            assertThat(result.name()).isEqualTo("a2a__streamer__translate");
            assertThat(result.isError()).as("tool error: %s", result.error()).isFalse();
            assertThat(result.content()).isEqualTo("hola amigo");
        }
        assertThat(STREAMER_ACCEPTS).as("the streaming agent was called with message/stream")
                .contains("text/event-stream");
    }

    @Test
    @Order(2)
    void aPromptCallsANonStreamingRemoteAgentWithMessageSend() {
        try (Conversation conversation = desk.getBean(Conversations.class).open("desk")) {
            Response response = conversation.send("say goodbye, plain please");

            assertThat(response.text()).isEqualTo("The translator says: adios amigo.");
            assertThat(response.toolResults().get(0).content()).isEqualTo("adios amigo");
        }
    }

    @Test
    @Order(3)
    void theModelSeesTheRemoteSkillDescribedByTheAgentsCard() {
        try (Conversation conversation = desk.getBean(Conversations.class).open("desk")) {
            var descriptor = conversation.toolRegistry().descriptor("a2a__streamer__translate").orElseThrow();
            assertThat(descriptor.description()).startsWith("Translates English text into Spanish (skill 'translate'"
                    + " of the remote agent 'translate')");
            assertThat(descriptor.inputSchema().get("required").get(0).asString()).isEqualTo("input");
        }
    }

    @Test
    @Order(4)
    void theSdksClientReadsTheCardAndAFollowUpMessageContinuesTheConversation() throws Exception {
        JSONRPCTransport client = new JSONRPCTransport(agentUrl(streamer));
        AgentCard card = client.getAgentCard(null);
        assertThat(card.name()).isEqualTo("translate");
        assertThat(card.url()).isEqualTo(agentUrl(streamer));
        assertThat(card.capabilities().streaming()).isTrue();
        assertThat(card.skills()).singleElement().satisfies(skill -> assertThat(skill.tags())
                .containsExactly("translation", "spanish"));

        String contextId = "ctx-" + UUID.randomUUID();
        Task first = (Task) client.sendMessage(params("hello", contextId), null);
        Task second = (Task) client.sendMessage(params("goodbye", contextId), null);

        assertThat(first.getStatus().state()).isEqualTo(TaskState.COMPLETED);
        assertThat(second.getContextId()).isEqualTo(contextId);
        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(((TextPart) second.getArtifacts().get(0).parts().get(0)).getText()).isEqualTo("adios amigo");
        assertThat(streamer.getBean(StateStore.class).load("a2a/translate/" + contextId).block().messages())
                .as("one conversation of both tasks").hasSize(4);
        Task stored = streamer.getBean(A2aTaskStore.class).find(first.getId()).block();
        assertThat(stored.getStatus().state()).isEqualTo(TaskState.COMPLETED);
        Task read = client.getTask(new TaskQueryParams(first.getId()), null);
        assertThat(((TextPart) read.getArtifacts().get(0).parts().get(0)).getText()).isEqualTo("hola amigo");
    }

    @Test
    @Order(5)
    void theEntryAgentsCardIsAtTheWellKnownPathsOfTheApplication() {
        String origin = agentUrl(streamer).replace("/a2a/translate", "");
        for (String path : List.of("/.well-known/agent-card.json", "/.well-known/agent.json")) {
            AgentCard card = new io.a2a.client.http.A2ACardResolver(new io.a2a.client.http.JdkA2AHttpClient(),
                    origin, path, null).getAgentCard();
            assertThat(card.url()).as(path).isEqualTo(agentUrl(streamer));
        }
    }

    @Test
    @Order(6)
    void aRemoteAgentThatWentDownFailsTheToolCallNamingTheAgent() {
        String url = agentUrl(sender);
        sender.close();
        try (Conversation conversation = desk.getBean(Conversations.class).open("desk")) {
            Response response = conversation.send("say goodbye, plain please");

            assertThat(response.text()).isEqualTo("The translator could not be reached.");
            ToolResult result = response.toolResults().get(0);
            assertThat(result.isError()).isTrue();
            assertThat(result.error()).contains("A2A agent 'sender' at " + url + " failed: Failed to send message: "
                    + "java.net.ConnectException");
        }
    }

    private static MessageSendParams params(String text, String contextId) {
        return new MessageSendParams(new Message.Builder().role(Message.Role.USER)
                .parts(List.of(new TextPart(text))).messageId(UUID.randomUUID().toString()).contextId(contextId)
                .build(), null, null);
    }

    static String agentUrl(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/a2a/translate";
    }

    static ConfigurableApplicationContext translator(boolean streaming, String... arguments) {
        List<String> all = new ArrayList<>(List.of("--promptkit.pack=classpath:a2a/translator.pack.json",
                "--promptkit.mock.script=classpath:a2a/translator-mock.yaml",
                "--promptkit.a2a.server.streaming=" + streaming));
        all.addAll(List.of(arguments));
        return run(Translator.class, all);
    }

    static ConfigurableApplicationContext desk(String... arguments) {
        List<String> all = new ArrayList<>(List.of("--promptkit.pack=classpath:a2a/desk.pack.json",
                "--promptkit.mock.script=classpath:a2a/desk-mock.yaml", "--promptkit.state-store.type=memory"));
        all.addAll(List.of(arguments));
        return run(Desk.class, all);
    }

    private static ConfigurableApplicationContext run(Class<?> application, List<String> arguments) {
        List<String> all = new ArrayList<>(List.of("--OPENAI_API_KEY=", "--ANTHROPIC_API_KEY=", "--GEMINI_API_KEY=",
                "--GOOGLE_API_KEY=", "--OLLAMA_HOST=", "--spring.main.banner-mode=off", "--server.port=0",
                "--server.address=127.0.0.1", "--server.shutdown=immediate"));
        all.addAll(arguments);
        return new SpringApplicationBuilder(application).web(WebApplicationType.REACTIVE)
                .run(all.toArray(String[]::new));
    }

    /** An application serving the translator pack's agent; records what its callers accept. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Translator {

        @Bean
        WebFilter acceptRecorder() {
            return (exchange, chain) -> {
                if (exchange.getRequest().getMethod().name().equals("POST")) {
                    STREAMER_ACCEPTS.addAll(exchange.getRequest().getHeaders().getOrEmpty("Accept"));
                }
                return chain.filter(exchange);
            };
        }
    }

    /** The application whose prompt calls the remote agents. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Desk {
    }
}
