/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.context.ContextBudget;
import dev.promptkit.context.ContextDecision;
import dev.promptkit.context.Truncation;
import dev.promptkit.tokens.TokenCounter;
import dev.promptkit.tokens.TokenCounters;
import dev.promptkit.types.Message;
import dev.promptkit.types.ModelParameters;
import dev.promptkit.types.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class ContextBudgetStageTests {

    private static final TokenCounter COUNTER = TokenCounters.forModel("mock-model");
    private static final int RESERVE = 50;

    private final Message u1 = Message.user("Where is my order?");
    private final Message a1 = Message.assistant("It left the warehouse on Monday.");
    private final Message u2 = Message.user("When will it arrive?");
    private final Message a2 = Message.assistant("On Thursday, before noon.");
    private final Message u3 = Message.user("Can I change the address?");
    private final TurnContext turn = new TurnContext("c-1", null, "chat", null, "mock-model", Map.of(), null,
            dev.promptkit.event.EventBus.create());

    ContextBudgetStageTests() {
        turn.systemPrompt("You track orders.");
        turn.parameters(new ModelParameters(null, RESERVE, null, null, null, null, null));
    }

    @Test
    void passesOnOnlyTheMessagesToSendKeepingHowTheyCame() {
        int budget = RESERVE + systemTokens() + tokens(u2, a2, u3);

        List<StreamElement> out = run(ContextBudget.sliding(budget));

        assertThat(out).extracting(StreamElement::message).containsExactly(u2, a2, u3);
        assertThat(out).extracting(StreamElement::fromHistory).containsExactly(true, true, false);
        ContextDecision decision = (ContextDecision) turn.attributes().get(ContextBudgetStage.DECISION_ATTRIBUTE);
        assertThat(decision.truncation()).isEqualTo(Truncation.SLIDING);
        assertThat(decision.messagesDropped()).isEqualTo(2);
        assertThat(decision.systemPromptTokens()).isEqualTo(systemTokens());
        assertThat(decision.reserveForOutput()).isEqualTo(RESERVE);
    }

    @Test
    void aConversationThatFitsPassesUnchangedAndSaysSo() {
        List<StreamElement> out = run(ContextBudget.sliding(10_000));

        assertThat(out).extracting(StreamElement::message).containsExactly(u1, a1, u2, a2, u3);
        assertThat(((ContextDecision) turn.attributes().get(ContextBudgetStage.DECISION_ATTRIBUTE)).truncated())
                .isFalse();
    }

    @Test
    void aSummaryTravelsAsAHistoryMessageSoItIsNeverStored() {
        int budget = RESERVE + systemTokens() + tokens(u3) + 30;

        List<StreamElement> out = run(ContextBudget.summarizing(budget, (messages, max) -> Mono.just("Order 1 ships.")));

        assertThat(out).hasSize(2);
        assertThat(out.get(0).fromHistory()).isTrue();
        assertThat(out.get(0).message().role()).isEqualTo(Role.SYSTEM);
        assertThat(out.get(0).message().text()).isEqualTo("[Summary of 4 earlier messages]: Order 1 ships.");
        assertThat(out.get(1).message()).isSameAs(u3);
        assertThat(out.get(1).fromHistory()).isFalse();
    }

    @Test
    void otherElementsPassThrough() {
        StreamElement media = StreamElement.text("not a message");

        List<StreamElement> out = new ContextBudgetStage(ContextBudget.sliding(RESERVE + systemTokens() + tokens(u3)))
                .process(Flux.just(StreamElement.historyMessage(u1), media, StreamElement.message(u3)), turn)
                .collectList().block();

        assertThat(out).containsExactly(media, out.get(1));
        assertThat(out.get(1).message()).isSameAs(u3);
    }

    private List<StreamElement> run(ContextBudget budget) {
        Flux<StreamElement> in = Flux.just(StreamElement.historyMessage(u1), StreamElement.historyMessage(a1),
                StreamElement.historyMessage(u2), StreamElement.historyMessage(a2), StreamElement.message(u3));
        return new ContextBudgetStage(budget).process(in, turn).collectList().block();
    }

    private static int systemTokens() {
        return COUNTER.count("You track orders.") + TokenCounter.MESSAGE_OVERHEAD;
    }

    private static int tokens(Message... messages) {
        int tokens = 0;
        for (Message message : messages) {
            tokens += COUNTER.countInContext(message);
        }
        return tokens;
    }
}
