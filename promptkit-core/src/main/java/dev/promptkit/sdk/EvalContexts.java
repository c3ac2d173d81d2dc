/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.eval.EvalContext;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** What a live eval judges: one turn, or the whole stored conversation when it ends. */
final class EvalContexts {

    private EvalContexts() {
    }

    /** The turn that answered {@code userMessage} ({@code null} for a turn continued after held calls). */
    static EvalContext ofTurn(Message userMessage, Response response) {
        return new EvalContext(userMessage == null ? "" : userMessage.text(), response.text(),
                toolCalls(response.turnMessages()), response.duration(), response.cost(),
                (int) Math.min(Integer.MAX_VALUE, response.tokensUsed()));
    }

    /**
     * The whole conversation: every user message as the input and every answer as the output (one per line), every
     * tool call, and the latency, cost and tokens of every answer added up.
     */
    static EvalContext ofConversation(List<Message> messages) {
        CostInfo cost = messages.stream().map(Message::costInfo).reduce(CostInfo.ZERO, CostInfo::plus);
        long latencyMs = messages.stream().filter(message -> message.latencyMs() != null)
                .mapToLong(Message::latencyMs).sum();
        return new EvalContext(texts(messages, Role.USER), texts(messages, Role.ASSISTANT), toolCalls(messages),
                Duration.ofMillis(latencyMs), cost.totalCostUsd(),
                (int) Math.min(Integer.MAX_VALUE, cost.promptTokens() + cost.outputTokens()));
    }

    private static String texts(List<Message> messages, Role role) {
        return messages.stream().filter(message -> message.role() == role && message.text() != null
                && !message.text().isEmpty()).map(Message::text).collect(Collectors.joining("\n"));
    }

    private static List<EvalContext.ToolCall> toolCalls(List<Message> messages) {
        return messages.stream().filter(message -> message.role() == Role.ASSISTANT)
                .flatMap(message -> message.toolCalls().stream())
                .map(call -> new EvalContext.ToolCall(call.name(), call.arguments())).toList();
    }
}
