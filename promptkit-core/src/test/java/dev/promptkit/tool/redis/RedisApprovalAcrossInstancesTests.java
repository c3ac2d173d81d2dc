/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.sdk.Response;
import dev.promptkit.test.RealRedis;
import dev.promptkit.state.redis.RedisStateStore;
import dev.promptkit.state.redis.TestKeyPrefix;
import dev.promptkit.tool.PendingResult;
import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

/** Two application instances share a conversation and its held calls through Redis only. */
@ExtendWith(RealRedis.class)
class RedisApprovalAcrossInstancesTests {

    private static final TestKeyPrefix PREFIX = TestKeyPrefix.random();
    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/tools/tools.pack.json"));
    private static final String SCRIPT = """
            turns:
              - type: tool_calls
                content: "Let me refund that."
                tool_calls:
                  - {name: process_refund, arguments: {order_id: A-1, amount: 250}}
              - "Your refund is on its way."
            """;

    private static LettuceConnectionFactory connections;

    private final MockProvider model = MockProvider.builder().script(MockScript.parse(SCRIPT)).build();
    private final AtomicInteger refunds = new AtomicInteger();

    @BeforeAll
    static void connect(LettuceConnectionFactory factory) {
        connections = factory;
    }

    @AfterAll
    static void deleteKeys() {
        PREFIX.deleteKeys(connections);
    }

    @Test
    void aCallHeldOnOneInstanceIsApprovedOnAnotherAndTheTurnContinues(LettuceConnectionFactory first,
            LettuceConnectionFactory second) {
        Conversation onFirst = withHandlers(PromptKit.open(PACK, "assistant", options(first)));

        Response held = onFirst.send("Refund order A-1 please");
        assertThat(held.hasPendingTools()).isTrue();

        Conversation onSecond = withHandlers(PromptKit.resume("refund-A-1", PACK, "assistant", options(second)));
        PendingToolCall call = onSecond.pendingTools().get(0);
        assertThat(call.argumentMap()).containsEntry("amount", 250);
        onSecond.resolveTool(call.id());

        assertThat(onSecond.continueTurn().text()).isEqualTo("Your refund is on its way.");
        assertThat(refunds).hasValue(1);
        assertThat(new RedisStateStore(first, JsonMapper.shared(), PREFIX.value(), Duration.ofMinutes(10))
                .load("refund-A-1").block().messages())
                .extracting(Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT);
    }

    private ConversationOptions options(LettuceConnectionFactory connections) {
        Duration ttl = Duration.ofMinutes(10);
        return ConversationOptions.builder().provider(model).conversationId("refund-A-1")
                .stateStore(new RedisStateStore(connections, JsonMapper.shared(), PREFIX.value(), ttl))
                .state(state -> state.withPendingStore(new RedisPendingStore(connections, JsonMapper.shared(),
                        PREFIX.value(), ttl)))
                .build();
    }

    private Conversation withHandlers(Conversation conversation) {
        conversation.onToolAsync("process_refund",
                args -> new PendingResult("amount_over_limit", "Refunds over $100 need approval"),
                args -> "refunded " + args.get("amount") + " (#" + refunds.incrementAndGet() + ")");
        return conversation;
    }
}
