/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.context.ContextBudgetExceededException;
import dev.promptkit.context.Truncation;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.state.ConversationConflictException;
import dev.promptkit.state.StateStore;
import dev.promptkit.tool.PendingResult;
import dev.promptkit.tool.PendingStore;
import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.tool.PendingToolCallsException;
import dev.promptkit.tool.PendingToolDecidedException;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What a store must give a conversation, run on each store (memory, Redis): a failed turn, approvals included,
 * leaves the stored conversation exactly as it was; turns answered on the same history by several conversation
 * objects (several requests, several instances) store only the first; a conversation holding calls for approval
 * takes no new message until they are decided.
 */
abstract class TurnAtomicityContract {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/tools/tools.pack.json"));
    private static final String REFUND_SCRIPT = """
            turns:
              - type: tool_calls
                content: "Let me refund that."
                tool_calls:
                  - {name: process_refund, arguments: {order_id: A-1, amount: 250}}
                  - {name: get_time, arguments: {timezone: UTC}}
              - "Your refund is on its way."
              - "Anything else?"
            """;
    private static final String CHAT_SCRIPT = """
            turns:
              - "Hello there."
              - "Hello again."
            """;

    private final AtomicInteger refunds = new AtomicInteger();

    /** The conversation store under test. */
    abstract StateStore stateStore();

    /** The pending store under test. */
    abstract PendingStore pendingStore();

    private ConversationOptions options(ControllableProvider provider, String id,
            UnaryOperator<ConversationOptions.Builder> extra) {
        return extra.apply(ConversationOptions.builder().provider(provider).stateStore(stateStore())
                .state(state -> state.withPendingStore(pendingStore())).conversationId(id)).build();
    }

    private Conversation refundConversation(ControllableProvider provider, String id) {
        return withHandlers(PromptKit.open(PACK, "assistant", options(provider, id, UnaryOperator.identity())));
    }

    private Conversation withHandlers(Conversation chat) {
        chat.onToolAsync("process_refund", args -> new PendingResult("amount_over_limit", "Needs approval"),
                args -> "refunded " + args.get("amount") + " (#" + refunds.incrementAndGet() + ")");
        chat.onTool("get_time", args -> "12:00");
        return chat;
    }

    private static ControllableProvider provider(String script) {
        return new ControllableProvider(MockProvider.builder().script(MockScript.parse(script)).build());
    }

    private static String newId() {
        return "atomic-" + UUID.randomUUID();
    }

    private static List<Role> roles(Conversation chat) {
        return chat.messages().stream().map(Message::role).toList();
    }

    @Test
    void aContinuationWhoseProviderCallFailsStoresNothingAndGoesOnLaterWithoutRunningTheToolAgain() {
        ControllableProvider provider = provider(REFUND_SCRIPT);
        Conversation chat = refundConversation(provider, newId());
        String callId = chat.send("Refund order A-1").pendingTools().get(0).id();
        List<Message> held = chat.messages();

        ToolResult approved = chat.resolveTool(callId);
        provider.failNext(1);

        assertThatThrownBy(chat::continueTurn).isInstanceOf(ProviderException.class)
                .hasMessageContaining("overloaded");
        assertThat(chat.messages()).as("the failed continuation stored nothing").isEqualTo(held);
        assertThat(chat.pendingTools()).as("nothing waits for a decision").isEmpty();
        assertThat(refunds).hasValue(1);

        Response done = chat.continueTurn();

        assertThat(done.text()).isEqualTo("Your refund is on its way.");
        assertThat(refunds).as("the tool ran once").hasValue(1);
        assertThat(roles(chat)).containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.TOOL, Role.ASSISTANT);
        assertThat(chat.messages().get(3).toolResult()).isEqualTo(approved);
        assertThat(pendingStore().list(chat.id()).block()).as("the kept result is forgotten once stored").isEmpty();
    }

    @Test
    void approvingAgainAfterAFailedContinuationGivesTheSameResultAndTheTurnGoesOn() {
        ControllableProvider provider = provider(REFUND_SCRIPT);
        String id = newId();
        String callId = refundConversation(provider, id).send("Refund order A-1").pendingTools().get(0).id();
        Conversation firstRequest = withHandlers(PromptKit.resume(id, PACK, "assistant",
                options(provider, id, UnaryOperator.identity())));
        ToolResult first = firstRequest.resolveTool(callId);
        provider.failNext(1);
        assertThatThrownBy(firstRequest::continueTurn).isInstanceOf(ProviderException.class);

        Conversation retry = withHandlers(PromptKit.resume(id, PACK, "assistant",
                options(provider, id, UnaryOperator.identity())));
        ToolResult again = retry.resolveTool(callId);

        assertThat(again).isEqualTo(first);
        assertThat(retry.continueTurn().text()).isEqualTo("Your refund is on its way.");
        assertThat(refunds).hasValue(1);
        assertThatThrownBy(() -> retry.rejectTool(callId, "too late")).as("decided and stored: no longer held")
                .isInstanceOf(dev.promptkit.tool.PendingToolNotFoundException.class);
    }

    @Test
    void aRejectionTooLongForTheBudgetStoresNothingAndASecondRejectionReplacesItsReason() {
        ControllableProvider provider = provider(REFUND_SCRIPT);
        Conversation chat = withHandlers(PromptKit.open(PACK, "assistant", options(provider, newId(),
                builder -> builder.tokenBudget(2_000).truncation(Truncation.FAIL))));
        String callId = chat.send("Refund order A-1").pendingTools().get(0).id();
        List<Message> held = chat.messages();

        chat.rejectTool(callId, "x".repeat(100_000));

        assertThatThrownBy(chat::continueTurn).isInstanceOf(ContextBudgetExceededException.class);
        assertThat(chat.messages()).isEqualTo(held);
        assertThatThrownBy(() -> chat.resolveTool(callId)).isInstanceOf(PendingToolDecidedException.class)
                .hasMessageContaining("already rejected");

        chat.rejectTool(callId, "the order was never paid");
        chat.continueTurn();

        assertThat(chat.messages().get(3).text()).contains("the order was never paid").doesNotContain("xxx");
        assertThat(refunds).hasValue(0);
    }

    @Test
    void aNewMessageWhileACallWaitsIsRefusedUntilItIsDecidedThenTheHistoryStaysInOrder() {
        ControllableProvider provider = provider(REFUND_SCRIPT);
        Conversation chat = refundConversation(provider, newId());
        String callId = chat.send("Refund order A-1").pendingTools().get(0).id();
        List<Message> held = chat.messages();
        int callsBefore = provider.calls.get();

        assertThatThrownBy(() -> chat.send("Where is my refund?")).isInstanceOf(PendingToolCallsException.class)
                .hasMessageContaining(callId).hasMessageContaining("process_refund")
                .hasMessageContaining("waiting for approval");
        assertThat(chat.messages()).isEqualTo(held);
        assertThat(provider.calls).as("the provider was not called").hasValue(callsBefore);

        chat.rejectTool(callId, "not today");
        chat.send("Never mind then");

        assertThat(roles(chat)).containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.TOOL, Role.USER,
                Role.ASSISTANT);
        assertThat(chat.messages().get(3).toolResult().id()).isEqualTo(callId);
        assertThat(chat.messages().get(3).text()).contains("not today");
        assertThat(pendingStore().list(chat.id()).block()).isEmpty();
    }

    @Test
    void aForkLeavesTheHeldCallsWithTheOriginalAndTellsTheModelTheirOutcomeIsUnknown() {
        ControllableProvider provider = provider(REFUND_SCRIPT);
        Conversation chat = refundConversation(provider, newId());
        String callId = chat.send("Refund order A-1").pendingTools().get(0).id();

        Conversation branch = chat.fork();
        branch.send("Something else");

        Message answered = branch.messages().get(3);
        assertThat(answered.toolResult().id()).isEqualTo(callId);
        assertThat(answered.toolResult().error()).contains("no outcome of this call reached the conversation");
        assertThat(chat.pendingTools()).extracting(PendingToolCall::id).containsExactly(callId);
        assertThat(refunds).hasValue(0);
    }

    @Test
    void twoTurnsAnsweredOnTheSameHistoryStoreOnlyTheFirstAndTheOtherFailsWithAConflict() {
        ControllableProvider provider = provider(CHAT_SCRIPT);
        String id = newId();
        Conversation first = PromptKit.open(PACK, "assistant", options(provider, id, UnaryOperator.identity()));
        first.saveAsync().block();
        Conversation second = PromptKit.resume(id, PACK, "assistant", options(provider, id, UnaryOperator.identity()));
        provider.holdUntil(2);

        List<Object> outcomes = Flux.just(first, second)
                .flatMap(chat -> chat.sendAsync("Hi").<Object>map(Response::text)
                        .onErrorResume(ConversationConflictException.class, Mono::just)
                        .subscribeOn(Schedulers.parallel()))
                .collectList().block(Duration.ofSeconds(20));

        assertThat(outcomes).hasSize(2).containsOnlyOnce("Hello there.");
        assertThat(outcomes).filteredOn(ConversationConflictException.class::isInstance).singleElement()
                .satisfies(conflict -> assertThat(((ConversationConflictException) conflict).getMessage())
                        .contains(id).contains("nothing of the turn was stored"));
        assertThat(roles(first)).containsExactly(Role.USER, Role.ASSISTANT);
        assertThat(stateStore().load(id).block().version()).isEqualTo(1);
    }

    @Test
    void tenConcurrentRequestsOnOneConversationStoreOneTurnAndRefuseNineThenTheNextOneSeesIt() {
        ControllableProvider provider = provider(CHAT_SCRIPT);
        String id = newId();
        PromptKit.open(PACK, "assistant", options(provider, id, UnaryOperator.identity())).saveAsync().block();
        provider.holdUntil(10);

        List<Object> outcomes = Flux.range(0, 10)
                .flatMap(n -> PromptKit.resumeAsync(id, PACK, "assistant",
                                options(provider, id, UnaryOperator.identity()))
                        .flatMap(chat -> chat.sendAsync("Hi " + n)).<Object>map(Response::text)
                        .onErrorResume(ConversationConflictException.class, Mono::just)
                        .subscribeOn(Schedulers.parallel()))
                .collectList().block(Duration.ofSeconds(30));

        assertThat(outcomes).hasSize(10).containsOnlyOnce("Hello there.");
        assertThat(outcomes).filteredOn(ConversationConflictException.class::isInstance).hasSize(9);
        provider.holdUntil(1);
        Conversation next = PromptKit.resume(id, PACK, "assistant", options(provider, id, UnaryOperator.identity()));
        assertThat(next.send("And now?").text()).as("answered on the stored turn").isEqualTo("Hello again.");
        assertThat(roles(next)).containsExactly(Role.USER, Role.ASSISTANT, Role.USER, Role.ASSISTANT);
    }
}
