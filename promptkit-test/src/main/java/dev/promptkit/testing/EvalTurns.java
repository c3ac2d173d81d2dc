/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.testing;

import dev.promptkit.eval.EvalContext;
import dev.promptkit.recording.SessionRecording;
import dev.promptkit.sdk.Response;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The turns an {@link EvalRunner} scores, made from a session recording or from a conversation's responses: each
 * holds the user's message, the final answer, the tool calls the turn made, its time, cost and tokens.
 */
public final class EvalTurns {

    private EvalTurns() {
    }

    /**
     * The turns of a recorded conversation: each user message with the assistant messages that follow it.
     *
     * @param recording the recording, read with {@link SessionRecording#read}
     * @return one context per user message that got an answer, in order
     */
    public static List<EvalContext> of(SessionRecording recording) {
        List<EvalContext> turns = new ArrayList<>();
        Message question = null;
        List<Message> answers = new ArrayList<>();
        for (Message message : recording.messages()) {
            if (message.role() == Role.USER) {
                addTurn(turns, question, answers);
                question = message;
                answers.clear();
            }
            else if (message.role() == Role.ASSISTANT) {
                answers.add(message);
            }
        }
        addTurn(turns, question, answers);
        return turns;
    }

    /**
     * The turn that produced {@code response}.
     *
     * @param input the user's message
     * @param response the conversation's response to it
     * @return the turn
     */
    public static EvalContext of(String input, Response response) {
        return new EvalContext(input, response.text(), toolCalls(response.turnMessages()), response.duration(),
                response.cost(), (int) response.tokensUsed());
    }

    private static void addTurn(List<EvalContext> turns, Message question, List<Message> answers) {
        if (question == null || answers.isEmpty()) {
            return;
        }
        long latency = 0;
        BigDecimal cost = BigDecimal.ZERO;
        long tokens = 0;
        for (Message answer : answers) {
            latency += answer.latencyMs() == null ? 0 : answer.latencyMs();
            CostInfo info = answer.costInfo();
            if (info != null) {
                cost = cost.add(info.totalCostUsd());
                tokens += info.inputTokens() + info.outputTokens();
            }
        }
        turns.add(new EvalContext(question.text(), answers.get(answers.size() - 1).text(), toolCalls(answers),
                Duration.ofMillis(latency), cost, (int) tokens));
    }

    private static List<EvalContext.ToolCall> toolCalls(List<Message> messages) {
        return messages.stream().flatMap(message -> message.toolCalls().stream())
                .map(call -> new EvalContext.ToolCall(call.name(), call.arguments())).toList();
    }
}
