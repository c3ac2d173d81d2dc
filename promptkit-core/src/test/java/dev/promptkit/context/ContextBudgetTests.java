/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.context;

import static dev.promptkit.context.Messages.MODEL;
import static dev.promptkit.context.Messages.assistant;
import static dev.promptkit.context.Messages.system;
import static dev.promptkit.context.Messages.tokens;
import static dev.promptkit.context.Messages.toolCall;
import static dev.promptkit.context.Messages.toolResult;
import static dev.promptkit.context.Messages.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolCall;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ContextBudgetTests {

    private static final int RESERVE = 100;

    private final Message u1 = user("u1", 10);
    private final Message a1 = assistant("a1", 10);
    private final Message u2 = user("u2", 10);
    private final Message a2 = assistant("a2", 10);
    private final Message u3 = user("u3", 10);
    private final List<Message> fiveTurns = List.of(u1, a1, u2, a2, u3);

    @Test
    void aConversationThatFitsIsSentUnchanged() {
        FittedContext fitted = fit(ContextBudget.sliding(RESERVE + 50), fiveTurns, null);

        assertThat(fitted.messages()).containsExactlyElementsOf(fiveTurns);
        assertThat(fitted.decision().truncated()).isFalse();
        assertThat(fitted.decision().tokensSent()).isEqualTo(50).isEqualTo(fitted.decision().tokensBefore());
    }

    @Test
    void slidingDropsTheOldestMessagesUntilTheRestFits() {
        FittedContext fitted = fit(ContextBudget.sliding(RESERVE + 39), fiveTurns, null);

        assertThat(fitted.messages()).containsExactly(u2, a2, u3);
        assertThat(fitted.decision()).isEqualTo(new ContextDecision(Truncation.SLIDING, RESERVE + 39, RESERVE, 0,
                39, 50, 30, 5, 3, 2, 0, null));
        assertThat(fitted.decision().truncated()).isTrue();
    }

    @Test
    void slidingStartsAtAUserMessageSoNoAnswerIsSentWithoutItsQuestion() {
        FittedContext fitted = fit(ContextBudget.sliding(RESERVE + 49), fiveTurns, null);

        assertThat(fitted.messages()).containsExactly(u2, a2, u3);
    }

    @Test
    void slidingNeverSplitsAToolCallFromItsResults() {
        Message call0 = toolCall("c0");
        Message result0 = toolResult("c0");
        Message call1 = toolCall("c1");
        Message result1a = toolResult("c1");
        List<Message> conversation = List.of(u1, call0, result0, a1, u2, call1, result1a, a2, u3);
        int recent = tokens(u2, call1, result1a, a2, u3);
        // room for the result of c0 and the answer a1, but not for the call c0 as well
        int budget = RESERVE + recent + tokens(result0, a1);

        FittedContext fitted = fit(ContextBudget.sliding(budget), conversation, null);

        assertThat(fitted.messages()).containsExactly(u2, call1, result1a, a2, u3);
        assertThat(fitted.messages()).noneMatch(message -> message == result0);
    }

    @Test
    void slidingKeepsARoundOfParallelToolCallsWhole() {
        Message u0 = user("u0", 10);
        Message call = Message.assistant(null, List.of(ToolCall.of("c1", "lookup", Map.of("id", "c1")),
                ToolCall.of("c2", "lookup", Map.of("id", "c2"))));
        Message result1 = toolResult("c1");
        Message result2 = toolResult("c2");
        List<Message> conversation = List.of(u0, u1, call, result1, result2, a1, u2);

        FittedContext whole = fit(ContextBudget.sliding(RESERVE + tokens(u1, call, result1, result2, a1, u2)),
                conversation, null);
        FittedContext withoutTheCall = fit(ContextBudget.sliding(RESERVE + tokens(result1, result2, a1, u2)),
                conversation, null);

        assertThat(whole.messages()).containsExactly(u1, call, result1, result2, a1, u2);
        assertThat(withoutTheCall.messages()).containsExactly(u2);
    }

    @Test
    void theSystemPromptAndTheOutputReserveComeOffTheBudget() {
        String systemPrompt = "s".repeat(4 * 17);

        FittedContext fitted = fit(ContextBudget.sliding(RESERVE + 20 + 39), fiveTurns, systemPrompt);

        assertThat(fitted.messages()).containsExactly(u2, a2, u3);
        assertThat(fitted.decision().systemPromptTokens()).isEqualTo(20);
        assertThat(fitted.decision().available()).isEqualTo(39);
    }

    @Test
    void withoutMaxTokensTheDefaultReserveIsKeptForTheAnswer() {
        ContextBudget budget = ContextBudget.sliding(ContextBudget.DEFAULT_RESERVE_FOR_OUTPUT + 39);

        FittedContext fitted = budget.fit(fiveTurns, null, MODEL, null).block();

        assertThat(fitted.messages()).containsExactly(u2, a2, u3);
        assertThat(fitted.decision().reserveForOutput()).isEqualTo(ContextBudget.DEFAULT_RESERVE_FOR_OUTPUT);
    }

    @Test
    void systemMessagesInTheConversationAreAlwaysKept() {
        Message note = system("note", 10);
        List<Message> conversation = List.of(note, u1, a1, u2, a2, u3);

        FittedContext fitted = fit(ContextBudget.sliding(RESERVE + 49), conversation, null);

        assertThat(fitted.messages()).containsExactly(note, u2, a2, u3);
    }

    @Test
    void theCurrentExchangeIsKeptWholeAndFailsClearlyWhenItCannotFit() {
        Message call = toolCall("c1");
        Message result = toolResult("c1");
        List<Message> conversation = List.of(u1, a1, u2, call, result);

        FittedContext fitted = fit(ContextBudget.sliding(RESERVE + tokens(u2, call, result)), conversation, null);
        assertThat(fitted.messages()).containsExactly(u2, call, result);

        Message huge = user("huge", 500);
        assertThatThrownBy(() -> fit(ContextBudget.sliding(RESERVE + 100), List.of(u1, a1, huge), "x".repeat(8)))
                .isInstanceOf(ContextBudgetExceededException.class)
                .hasMessage("The latest user message and what follows it (500 tokens, plus 5 for the system prompt"
                        + " and 100 reserved for output) needs 605 tokens but the token budget is 200")
                .satisfies(e -> {
                    ContextBudgetExceededException exceeded = (ContextBudgetExceededException) e;
                    assertThat(exceeded.budget()).isEqualTo(200);
                    assertThat(exceeded.required()).isEqualTo(605);
                });
    }

    @Test
    void failRejectsAConversationThatDoesNotFitNamingTheBudgetAndTheNeed() {
        assertThat(fit(ContextBudget.failing(RESERVE + 50), fiveTurns, null).messages())
                .containsExactlyElementsOf(fiveTurns);

        assertThatThrownBy(() -> fit(ContextBudget.failing(RESERVE + 49), fiveTurns, null))
                .isInstanceOf(ContextBudgetExceededException.class)
                .hasMessage("The conversation (50 tokens, plus 0 for the system prompt and 100 reserved for output)"
                        + " needs 150 tokens but the token budget is 149");
    }

    @Test
    void summarizeReplacesTheOlderMessagesWithOneSystemMessage() {
        List<List<Message>> summarized = new CopyOnWriteArrayList<>();
        AtomicInteger room = new AtomicInteger();
        Summarizer summarizer = (messages, maxTokens) -> {
            summarized.add(messages);
            room.set(maxTokens);
            return Mono.just("  u1 asked about a1.  ");
        };
        // half of the 40 tokens available holds u3 and a2 only (u2 would exceed it, a2 alone is not a start)
        FittedContext fitted = fit(ContextBudget.summarizing(RESERVE + 40, summarizer), fiveTurns, null);

        assertThat(summarized).containsExactly(List.of(u1, a1, u2, a2));
        assertThat(fitted.messages()).hasSize(2);
        Message summary = fitted.messages().get(0);
        assertThat(summary.role()).isEqualTo(Role.SYSTEM);
        assertThat(summary.text()).isEqualTo("[Summary of 4 earlier messages]: u1 asked about a1.");
        assertThat(fitted.messages().get(1)).isSameAs(u3);
        int prefixCost = Messages.COUNTER.countInContext(Message.system("[Summary of 4 earlier messages]: "));
        assertThat(room.get()).isEqualTo(40 - 10 - prefixCost);
        assertThat(fitted.decision()).extracting(ContextDecision::messagesSummarized, ContextDecision::messagesDropped,
                ContextDecision::messagesSent, ContextDecision::fallbackReason).containsExactly(4, 0, 2, null);
    }

    @Test
    void summarizeKeepsTheNewestMessagesThatFitInHalfTheSpace() {
        Summarizer summarizer = (messages, maxTokens) -> Mono.just("earlier");

        List<Message> sevenTurns = List.of(u1, a1, u2, a2, u3, assistant("a3", 10), user("u4", 10));

        FittedContext fitted = fit(ContextBudget.summarizing(RESERVE + 60, summarizer), sevenTurns, null);

        assertThat(labels(fitted.messages()))
                .containsExactly("[Summary of 4 earlier messages]: earlier", "u3", "a3", "u4");
        assertThat(fitted.decision().tokensSent()).isLessThanOrEqualTo(60);
    }

    @Test
    void summarizeFallsBackToTheSlidingWindowWhenTheSummarizerFails() {
        Summarizer failing = (messages, maxTokens) -> Mono.error(new IllegalStateException("model unavailable"));
        Summarizer silent = (messages, maxTokens) -> Mono.just(" ");
        Summarizer verbose = (messages, maxTokens) -> Mono.just("word ".repeat(200));

        FittedContext afterFailure = fit(ContextBudget.summarizing(RESERVE + 39, failing), fiveTurns, null);
        FittedContext afterSilence = fit(ContextBudget.summarizing(RESERVE + 39, silent), fiveTurns, null);
        FittedContext afterVerbosity = fit(ContextBudget.summarizing(RESERVE + 39, verbose), fiveTurns, null);

        assertThat(afterFailure.messages()).containsExactly(u2, a2, u3);
        assertThat(afterFailure.decision().fallbackReason()).isEqualTo("the summarizer failed: model unavailable");
        assertThat(afterFailure.decision().truncation()).isEqualTo(Truncation.SUMMARIZE);
        assertThat(afterSilence.messages()).containsExactly(u2, a2, u3);
        assertThat(afterSilence.decision().fallbackReason()).contains("no text");
        assertThat(afterVerbosity.messages()).containsExactly(u2, a2, u3);
        assertThat(afterVerbosity.decision().fallbackReason()).startsWith("the summary needs");
    }

    static FittedContext fit(ContextBudget budget, List<Message> messages, String systemPrompt) {
        return budget.fit(messages, systemPrompt, MODEL, RESERVE).block();
    }

    static List<String> labels(List<Message> messages) {
        return messages.stream().map(Messages::label).toList();
    }
}
