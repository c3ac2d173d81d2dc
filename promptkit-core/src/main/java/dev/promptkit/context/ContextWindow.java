/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.context;

import dev.promptkit.tokens.TokenCounter;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One request measured against its budget. The conversation is cut into units that are kept or dropped
 * whole: an assistant message with tool calls together with the tool results that follow it, otherwise
 * one message. System-role messages and the current exchange (from the latest user message on) are fixed:
 * always sent. The other units, the older ones, are what a strategy chooses from.
 */
final class ContextWindow {

    /** Messages kept or dropped together; {@code index} is the position of the first one in the conversation. */
    record Unit(int index, List<Message> messages, int tokens) {

        boolean startsWithUser() {
            return messages.get(0).role() == Role.USER;
        }
    }

    private final List<Message> messages;
    private final TokenCounter counter;
    private final Truncation truncation;
    private final int budget;
    private final int reserveForOutput;
    private final int systemPromptTokens;
    private final List<Unit> fixed = new ArrayList<>();
    private final List<Unit> older = new ArrayList<>();
    private int currentStart;

    ContextWindow(List<Message> messages, TokenCounter counter, Truncation truncation, int budget,
            int reserveForOutput, int systemPromptTokens) {
        this.messages = List.copyOf(messages);
        this.counter = counter;
        this.truncation = truncation;
        this.budget = budget;
        this.reserveForOutput = reserveForOutput;
        this.systemPromptTokens = systemPromptTokens;
        cut();
    }

    private void cut() {
        currentStart = currentExchangeStart();
        int current = currentStart;
        int i = 0;
        while (i < current) {
            Message first = messages.get(i);
            int end = i + 1;
            if (first.role() == Role.ASSISTANT && first.hasToolCalls()) {
                while (end < current && messages.get(end).role() == Role.TOOL) {
                    end++;
                }
            }
            Unit unit = unit(i, messages.subList(i, end));
            (first.role() == Role.SYSTEM ? fixed : older).add(unit);
            i = end;
        }
        if (current < messages.size()) {
            fixed.add(unit(current, messages.subList(current, messages.size())));
        }
    }

    /** The index of the latest user message; 0 (everything is current) when there is none. */
    private int currentExchangeStart() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return i;
            }
        }
        return 0;
    }

    /** A unit of {@code unitMessages}, starting at {@code index}, with their tokens counted. */
    Unit unit(int index, List<Message> unitMessages) {
        int tokens = 0;
        for (Message message : unitMessages) {
            tokens += counter.countInContext(message);
        }
        return new Unit(index, List.copyOf(unitMessages), tokens);
    }

    TokenCounter counter() {
        return counter;
    }

    List<Message> messages() {
        return messages;
    }

    /** How many messages the current exchange (the latest user message and what follows it) has. */
    int currentExchangeSize() {
        return messages.size() - currentStart;
    }

    /** The units a strategy may drop, oldest first. */
    List<Unit> older() {
        return older;
    }

    /** The tokens left for the messages: budget minus output reserve minus system prompt. */
    int available() {
        return budget - reserveForOutput - systemPromptTokens;
    }

    /** The tokens left for older units once the fixed ones are counted; negative when even those do not fit. */
    int spaceForOlder() {
        return available() - tokens(fixed);
    }

    boolean fitsWhole() {
        return tokens(fixed) + tokens(older) <= available();
    }

    /** The failure of a request that does not fit at all: the whole conversation, or only its fixed part. */
    ContextBudgetExceededException exceeded(boolean wholeConversation) {
        int messageTokens = wholeConversation ? tokens(fixed) + tokens(older) : tokens(fixed);
        String what = (wholeConversation ? "The conversation" : "The latest user message and what follows it")
                + " (" + messageTokens + " tokens, plus " + systemPromptTokens + " for the system prompt and "
                + reserveForOutput + " reserved for output)";
        return new ContextBudgetExceededException(budget, messageTokens + systemPromptTokens + reserveForOutput,
                what);
    }

    /** The whole conversation, unchanged. */
    FittedContext unchanged() {
        return fitted(older, null, 0, null);
    }

    /** The fixed units and {@code keptOlder}; {@code fallbackReason} says why this replaces another strategy. */
    FittedContext keep(List<Unit> keptOlder, String fallbackReason) {
        return fitted(keptOlder, null, 0, fallbackReason);
    }

    /** The fixed units, {@code keptOlder} and a summary unit replacing {@code summarizedMessages} messages. */
    FittedContext summarized(List<Unit> keptOlder, Unit summary, int summarizedMessages) {
        return fitted(keptOlder, summary, summarizedMessages, null);
    }

    private FittedContext fitted(List<Unit> keptOlder, Unit summary, int summarizedMessages, String fallbackReason) {
        List<Unit> sent = new ArrayList<>(fixed);
        sent.addAll(keptOlder);
        if (summary != null) {
            sent.add(summary);
        }
        sent.sort(Comparator.comparingInt(Unit::index));
        List<Message> sentMessages = new ArrayList<>();
        sent.forEach(unit -> sentMessages.addAll(unit.messages()));
        int summaries = summary == null ? 0 : 1;
        int dropped = messages.size() - (sentMessages.size() - summaries) - summarizedMessages;
        ContextDecision decision = new ContextDecision(truncation, budget, reserveForOutput, systemPromptTokens,
                available(), tokens(fixed) + tokens(older), tokens(sent), messages.size(), sentMessages.size(),
                dropped, summarizedMessages, fallbackReason);
        return new FittedContext(sentMessages, decision);
    }

    static int tokens(List<Unit> units) {
        int tokens = 0;
        for (Unit unit : units) {
            tokens += unit.tokens();
        }
        return tokens;
    }
}
