/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.context.ContextBudget;
import dev.promptkit.context.ContextDecision;
import dev.promptkit.context.Truncation;
import dev.promptkit.event.EventBus;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.tokens.TokenCounter;
import dev.promptkit.tokens.TokenCounters;
import dev.promptkit.tool.InMemoryPendingStore;
import dev.promptkit.tool.ToolRegistry;
import dev.promptkit.types.Message;
import dev.promptkit.types.ModelParameters;
import dev.promptkit.types.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class TurnPreparerTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/packs/hello-hello.pack.json"));
    private static final TokenCounter COUNTER = TokenCounters.forModel("mock-model");
    private static final int RESERVE = 50;
    private static final String SYSTEM_PROMPT = "You are a friendly assistant. The user's name is Ada. Greet them"
            + " warmly and remember their name throughout the conversation.";

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final Message u1 = Message.user("Where is my order?");
    private final Message a1 = Message.assistant("It left the warehouse on Monday.");
    private final Message u2 = Message.user("When will it arrive?");
    private final Message a2 = Message.assistant("On Thursday, before noon.");
    private final Message u3 = Message.user("Can I change the address?");

    TurnPreparerTests() {
        store.append("c-1", List.of(u1, a1, u2, a2), Map.of()).block();
    }

    @Test
    void aTurnIsPreparedWithItsVariablesRenderedPromptAndStoredHistory() {
        PreparedTurn turn = prepare(null, List.of());

        assertThat(turn.systemPrompt()).isEqualTo(SYSTEM_PROMPT);
        assertThat(turn.variables()).containsEntry("user_name", "Ada");
        assertThat(turn.model()).isEqualTo("mock-model");
        assertThat(turn.parameters().maxTokens()).isEqualTo(RESERVE);
        assertThat(turn.history()).containsExactly(u1, a1, u2, a2);
        assertThat(turn.historyVersion()).isPositive();
        assertThat(turn.heldCalls()).isEqualTo(HeldCallAnswers.Answers.NONE);
        assertThat(turn.contextDecision()).isNull();
    }

    @Test
    void variableProvidersWinOverTheConversationsVariables() {
        VariableProvider provider = request -> Mono.just(Map.of("user_name", "Grace " + request.conversationId()));

        PreparedTurn turn = preparer(null, List.of(provider)).prepare(request(), ToolRegistry.forPack(PACK),
                EventBus.create()).block();

        assertThat(turn.systemPrompt()).contains("The user's name is Grace c-1.");
    }

    @Test
    void theHistoryIsFittedToTheBudgetAndTheTurnsOwnMessageIsAlwaysSent() {
        int budget = RESERVE + systemTokens() + tokens(u2, a2, u3);

        PreparedTurn turn = prepare(ContextBudget.sliding(budget), List.of());

        assertThat(turn.history()).containsExactly(u2, a2);
        ContextDecision decision = turn.contextDecision();
        assertThat(decision.truncation()).isEqualTo(Truncation.SLIDING);
        assertThat(decision.messagesDropped()).isEqualTo(2);
        assertThat(decision.systemPromptTokens()).isEqualTo(systemTokens());
        assertThat(decision.reserveForOutput()).isEqualTo(RESERVE);
    }

    @Test
    void aConversationThatFitsIsSentWholeAndTheDecisionSaysSo() {
        PreparedTurn turn = prepare(ContextBudget.sliding(10_000), List.of());

        assertThat(turn.history()).containsExactly(u1, a1, u2, a2);
        assertThat(turn.contextDecision().truncated()).isFalse();
    }

    @Test
    void aSummaryIsPartOfTheHistorySentSoItIsNeverStored() {
        int budget = RESERVE + systemTokens() + tokens(u3) + 30;

        PreparedTurn turn = prepare(ContextBudget.summarizing(budget, (messages, max) -> Mono.just("Order 1 ships.")),
                List.of());

        assertThat(turn.history()).singleElement().satisfies(summary -> {
            assertThat(summary.role()).isEqualTo(Role.SYSTEM);
            assertThat(summary.text()).isEqualTo("[Summary of 4 earlier messages]: Order 1 ships.");
        });
    }

    @Test
    void aLiveSessionIsPreparedWithoutHistory() {
        PreparedTurn turn = preparer(ContextBudget.sliding(1), List.of())
                .prepareSession(new TurnRequest("c-1", Map.of("user_name", "Ada"), null), ToolRegistry.forPack(PACK)).block();

        assertThat(turn.systemPrompt()).isEqualTo(SYSTEM_PROMPT);
        assertThat(turn.history()).isEmpty();
        assertThat(turn.contextDecision()).isNull();
    }

    private PreparedTurn prepare(ContextBudget budget, List<VariableProvider> providers) {
        return preparer(budget, providers).prepare(request(), ToolRegistry.forPack(PACK), EventBus.create()).block();
    }

    private TurnRequest request() {
        return new TurnRequest("c-1", Map.of("user_name", "Ada"), u3);
    }

    private TurnPreparer preparer(ContextBudget budget, List<VariableProvider> providers) {
        return new TurnPreparer(PACK, "chat", PACK.prompt("chat").orElseThrow(), "mock-model",
                new TurnPreparer.Settings(store, new InMemoryPendingStore(), providers,
                        new ModelParameters(null, RESERVE, null, null, null, null, null), null, null, budget));
    }

    private static int systemTokens() {
        return COUNTER.count(SYSTEM_PROMPT) + TokenCounter.MESSAGE_OVERHEAD;
    }

    private static int tokens(Message... messages) {
        int tokens = 0;
        for (Message message : messages) {
            tokens += COUNTER.countInContext(message);
        }
        return tokens;
    }
}
