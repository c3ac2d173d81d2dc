/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.tool.PendingStore;
import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.tool.PendingToolCallsException;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Answers the tool calls a stored history leaves open. A turn that held calls for approval ends with the model's
 * request for them; before the conversation can go on, each needs its result after that request, as every
 * provider requires. The results of decided calls come from the {@link PendingStore} and are stored with the turn
 * that sends them (then forgotten by the store); a call that still waits or runs stops the turn with a
 * {@link PendingToolCallsException}; a call the store no longer holds (it expired, or the conversation was forked
 * or cleared) is answered with an error result saying that its outcome is unknown.
 *
 * @since 0.1.0
 */
public final class HeldCallAnswers {

    static final String UNKNOWN_OUTCOME = "no outcome of this call reached the conversation: it was held for approval"
            + " and its record expired, or the conversation was forked or cleared since; do not assume that it ran";

    private final PendingStore pending;

    HeldCallAnswers(PendingStore pending) {
        this.pending = pending;
    }

    /** The calls of the last tool-calling answer in {@code history} that no tool message after it answers. */
    private static List<ToolCall> unanswered(List<Message> history) {
        Set<String> answered = new HashSet<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            Message message = history.get(i);
            if (message.role() == Role.TOOL && message.toolResult() != null) {
                answered.add(message.toolResult().id());
                continue;
            }
            if (message.role() != Role.ASSISTANT || !message.hasToolCalls()) {
                return List.of();
            }
            List<ToolCall> open = new ArrayList<>();
            for (ToolCall call : message.toolCalls()) {
                if (!answered.contains(call.id())) {
                    open.add(call);
                }
            }
            return open;
        }
        return List.of();
    }

    /**
     * The tool messages answering the calls {@code history} leaves open, in the order of the calls, and which held
     * calls they settle.
     */
    Mono<Answers> answer(String conversationId, List<Message> history) {
        List<ToolCall> open = unanswered(history);
        if (open.isEmpty()) {
            return Mono.just(Answers.NONE);
        }
        return pending.list(conversationId).flatMap(held -> {
            Map<String, PendingToolCall> byId = new HashMap<>();
            held.forEach(call -> byId.put(call.id(), call));
            List<PendingToolCall> undecided = new ArrayList<>();
            List<Message> answers = new ArrayList<>(open.size());
            List<String> settled = new ArrayList<>();
            for (ToolCall call : open) {
                PendingToolCall heldCall = byId.get(call.id());
                if (heldCall == null) {
                    answers.add(Message.tool(ToolResult.failure(call.id(), call.name(), UNKNOWN_OUTCOME, 0)));
                }
                else if (!heldCall.isSettled()) {
                    undecided.add(heldCall);
                }
                else {
                    answers.add(Message.tool(heldCall.result()));
                    settled.add(call.id());
                }
            }
            if (!undecided.isEmpty()) {
                return Mono.error(new PendingToolCallsException(conversationId, undecided));
            }
            return Mono.just(new Answers(answers, settled));
        });
    }

    /**
     * The answers to the calls a history left open: tool messages, stored with the turn that sends them, and the
     * held calls they settle, which the pending store forgets once that turn is stored.
     */
    public record Answers(List<Message> messages, List<String> settledCalls) {

        /** No open calls. */
        public static final Answers NONE = new Answers(List.of(), List.of());

        public Answers {
            messages = List.copyOf(messages);
            settledCalls = List.copyOf(settledCalls);
        }
    }
}
