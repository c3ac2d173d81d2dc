/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.session;

import dev.promptkit.types.CostInfo;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes what a duplex session said as conversation messages, one turn at a time: the user's typed text and
 * speech transcripts become user messages, the model's text (its speech transcript, when it spoke) and tool
 * calls assistant messages, tool results tool messages. {@link #completeTurn} hands the turn's messages over,
 * the user's first, and starts the next turn. Thread-safe: tool results arrive on other threads than the
 * session's events.
 */
final class SessionTranscript {

    private final Map<String, Object> assistantMeta;
    private final List<Message> userMessages = new ArrayList<>();
    private final StringBuilder userSpeech = new StringBuilder();
    private final List<Message> modelMessages = new ArrayList<>();
    private final StringBuilder modelText = new StringBuilder();
    private final StringBuilder modelSpeech = new StringBuilder();
    private final List<ToolCall> toolCalls = new ArrayList<>();

    /** @param assistantMeta the metadata of every assistant message (model and provider) */
    SessionTranscript(Map<String, Object> assistantMeta) {
        this.assistantMeta = Map.copyOf(assistantMeta);
    }

    /** The user typed {@code text}. */
    synchronized void userText(String text) {
        flushUserSpeech();
        userMessages.add(Message.user(text));
    }

    /** A piece of the transcript of the user's speech; {@code last} ends the utterance. */
    synchronized void userSpeech(String piece, boolean last) {
        userSpeech.append(piece);
        if (last) {
            flushUserSpeech();
        }
    }

    synchronized void modelText(String piece) {
        modelText.append(piece);
    }

    synchronized void modelSpeech(String piece) {
        modelSpeech.append(piece);
    }

    synchronized void toolCall(ToolCall call) {
        toolCalls.add(call);
    }

    synchronized void toolResult(ToolResult result) {
        closeModelMessage();
        modelMessages.add(Message.tool(result));
    }

    /**
     * The messages of the turn that just completed: what the user said, then what the model said and did, its
     * last assistant message carrying the turn's cost and latency. Empty when nothing was said.
     */
    synchronized List<Message> completeTurn(CostInfo cost, long latencyMillis) {
        flushUserSpeech();
        closeModelMessage();
        List<Message> turn = new ArrayList<>(userMessages);
        int lastAssistant = -1;
        for (int i = 0; i < modelMessages.size(); i++) {
            if (modelMessages.get(i).role() == Role.ASSISTANT) {
                lastAssistant = i;
            }
        }
        if (lastAssistant >= 0) {
            Message last = modelMessages.get(lastAssistant);
            modelMessages.set(lastAssistant, last.withCost(cost, latencyMillis, last.hasToolCalls() ? "tool_calls"
                    : "stop"));
        }
        turn.addAll(modelMessages);
        userMessages.clear();
        modelMessages.clear();
        return turn;
    }

    private void flushUserSpeech() {
        if (!userSpeech.isEmpty()) {
            userMessages.add(Message.user(userSpeech.toString()));
            userSpeech.setLength(0);
        }
    }

    private void closeModelMessage() {
        String content = !modelSpeech.isEmpty() ? modelSpeech.toString() : modelText.toString();
        if (content.isEmpty() && toolCalls.isEmpty()) {
            return;
        }
        modelMessages.add(new Message(Role.ASSISTANT, content.isEmpty() ? null : content, null, toolCalls, null,
                Instant.now(), null, null, null, null, assistantMeta));
        modelText.setLength(0);
        modelSpeech.setLength(0);
        toolCalls.clear();
    }
}
