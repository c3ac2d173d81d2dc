/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.sdk.Response;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

class HumanApprovalTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/tools/tools.pack.json"));
    private static final String SCRIPT = """
            turns:
              - type: tool_calls
                content: "Let me refund that."
                tool_calls:
                  - {name: process_refund, arguments: {order_id: A-1, amount: 250}}
                  - {name: get_time, arguments: {timezone: UTC}}
              - "Your refund is on its way."
            """;

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final InMemoryPendingStore pending = new InMemoryPendingStore();
    private final MockProvider mock = MockProvider.builder().script(MockScript.parse(SCRIPT)).build();
    private final AtomicInteger refunds = new AtomicInteger();

    private ConversationOptions options(String id) {
        return ConversationOptions.builder().provider(mock).stateStore(store)
                .state(state -> state.withPendingStore(pending)).conversationId(id)
                .build();
    }

    private Conversation withHandlers(Conversation chat) {
        chat.onToolAsync("process_refund",
                args -> ((Number) args.get("amount")).doubleValue() > 100
                        ? new PendingResult("amount_over_limit", "Refunds over $100 need approval") : null,
                args -> "refunded " + args.get("amount") + " (#" + refunds.incrementAndGet() + ")");
        chat.onTool("get_time", args -> "12:00");
        return chat;
    }

    @Test
    void aHeldCallEndsTheTurnThenApprovalRunsItAndTheTurnContinues() {
        Conversation chat = withHandlers(PromptKit.open(PACK, "assistant", options("c1")));

        Response held = chat.send("Refund order A-1 please");

        assertThat(held.hasPendingTools()).isTrue();
        PendingToolCall call = held.pendingTools().get(0);
        assertThat(call.name()).isEqualTo("process_refund");
        assertThat(call.reason()).isEqualTo("amount_over_limit");
        assertThat(call.message()).isEqualTo("Refunds over $100 need approval");
        assertThat(call.argumentMap()).containsEntry("amount", 250);
        assertThat(held.toolResults()).extracting(ToolResult::content).as("the other call ran").containsExactly("12:00");
        assertThat(refunds).hasValue(0);
        assertThat(chat.pendingTools()).extracting(PendingToolCall::id).containsExactly(call.id());
        assertThatThrownBy(chat::continueTurn).isInstanceOf(PendingToolCallsException.class).hasMessageContaining(call.id());

        ToolResult result = chat.resolveTool(call.id());
        Response done = chat.continueTurn();

        assertThat(result.content()).isEqualTo("refunded 250 (#1)");
        assertThat(done.text()).isEqualTo("Your refund is on its way.");
        assertThat(chat.pendingTools()).isEmpty();
        assertThat(chat.messages()).extracting(Message::role).containsExactly(
                Role.USER, Role.ASSISTANT, Role.TOOL, Role.TOOL, Role.ASSISTANT);
    }

    @Test
    void aRejectedCallTellsTheModelWhyAndNeverRuns() {
        Conversation chat = withHandlers(PromptKit.open(PACK, "assistant", options("c2")));
        String callId = chat.send("Refund order A-1").pendingTools().get(0).id();

        ToolResult rejection = chat.rejectTool(callId, "the order was never paid");
        chat.continueTurn();

        assertThat(rejection.error()).isEqualTo("a reviewer rejected this call: the order was never paid");
        assertThat(rejection.errorType()).as("the Go original's error_type").isEqualTo("approval");
        assertThat(refunds).hasValue(0);
        Message toolMessage = chat.messages().get(3);
        assertThat(toolMessage.toolResult().id()).isEqualTo(callId);
        assertThat(toolMessage.toolResult().isRejected()).isTrue();
        assertThat(toolMessage.text()).contains("never paid");
    }

    @Test
    void anotherConversationObjectOnTheSameStoresCanApprove() {
        withHandlers(PromptKit.open(PACK, "assistant", options("c3"))).send("Refund order A-1");

        Conversation elsewhere = withHandlers(PromptKit.resume("c3", PACK, "assistant", options("c3")));
        PendingToolCall call = elsewhere.pendingTools().get(0);
        elsewhere.resolveTool(call.id());

        assertThat(elsewhere.continueTurn().text()).isEqualTo("Your refund is on its way.");
        assertThat(refunds).hasValue(1);
    }

    @Test
    void aCallApprovedTwiceAtOnceRunsOnce() {
        Conversation chat = withHandlers(PromptKit.open(PACK, "assistant", options("c4")));
        String callId = chat.send("Refund order A-1").pendingTools().get(0).id();
        Conversation twin = withHandlers(PromptKit.resume("c4", PACK, "assistant", options("c4")));

        List<Object> outcomes = Flux.just(chat, twin, chat, twin)
                .flatMap(c -> c.resolveToolAsync(callId).<Object>map(r -> r)
                        .onErrorResume(PendingToolDecidedException.class, e -> reactor.core.publisher.Mono.just("running"))
                        .subscribeOn(Schedulers.parallel()))
                .collectList().block(Duration.ofSeconds(10));

        assertThat(outcomes).hasSize(4).allMatch(o -> "running".equals(o)
                || o instanceof ToolResult result && result.content().equals("refunded 250 (#1)"));
        assertThat(refunds).hasValue(1);
        assertThat(chat.resolveTool(callId).content()).as("approving again gives the result of the one run")
                .isEqualTo("refunded 250 (#1)");
        assertThat(refunds).hasValue(1);
        assertThat(chat.messages().stream().filter(m -> m.role() == Role.TOOL)).as("kept for the next turn, not stored")
                .hasSize(1);
    }

    @Test
    void settlingAnUnknownCallNamesItAndTheConversation() {
        Conversation chat = withHandlers(PromptKit.open(PACK, "assistant", options("c5")));
        assertThatThrownBy(() -> chat.resolveTool("call_x")).isInstanceOf(PendingToolNotFoundException.class)
                .hasMessageContaining("'call_x'").hasMessageContaining("'c5'");
    }

    @Test
    void heldCallsExpireAfterTheirTimeToLive() {
        InMemoryStateStoreClock clock = new InMemoryStateStoreClock();
        InMemoryPendingStore shortLived = new InMemoryPendingStore(Duration.ofMinutes(5), clock);
        shortLived.add(PendingToolCall.of("c6", dev.promptkit.types.ToolCall.of("id1", "process_refund",
                java.util.Map.of("amount", 1)), new PendingResult("r", "m"))).block();
        assertThat(shortLived.list("c6").block()).hasSize(1);

        clock.now = clock.now.plus(Duration.ofMinutes(6));

        assertThat(shortLived.list("c6").block()).isEmpty();
        assertThat(shortLived.claim("c6", "id1", PendingToolCall.Decision.APPROVED).blockOptional()).isEmpty();
    }

    private static final class InMemoryStateStoreClock extends java.time.Clock {
        java.time.Instant now = java.time.Instant.now();

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }
}
