/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link MockScript} looks a request up by: the scenario id and turn number from the request
 * metadata, the turn number otherwise derived from the conversation, the latest user message text, and
 * the tool results the request ends with (a tool-continuation round; empty otherwise).
 */
record ScriptQuery(String scenarioId, int turnNumber, String userText, List<ToolResult> latestToolResults) {

    static ScriptQuery from(ProviderRequest request) {
        Object scenario = request.metadata().get(MockScript.SCENARIO_ID_METADATA);
        List<Message> messages = request.messages();
        return new ScriptQuery(scenario == null ? null : scenario.toString(), turnNumber(request),
                latestUserText(messages), latestToolResults(messages));
    }

    /** Whether the request follows tool results. */
    boolean afterToolResults() {
        return !latestToolResults.isEmpty();
    }

    private static int turnNumber(ProviderRequest request) {
        Object declared = request.metadata().get(MockScript.TURN_NUMBER_METADATA);
        if (declared == null) {
            int assistantMessages = 0;
            for (Message message : request.messages()) {
                if (message.role() == Role.ASSISTANT) {
                    assistantMessages++;
                }
            }
            return assistantMessages + 1;
        }
        if (declared instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(declared.toString().trim());
        }
        catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("request metadata '" + MockScript.TURN_NUMBER_METADATA
                    + "' must be a whole number, got '" + declared + "'");
        }
    }

    private static String latestUserText(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return messages.get(i).text();
            }
        }
        return null;
    }

    /** The tool messages at the end of the request, in order (a tool message without a result counts as text). */
    private static List<ToolResult> latestToolResults(List<Message> messages) {
        List<ToolResult> results = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0 && messages.get(i).role() == Role.TOOL; i--) {
            Message tool = messages.get(i);
            results.add(0, tool.toolResult() != null ? tool.toolResult()
                    : ToolResult.success(null, null, tool.text(), 0));
        }
        return results;
    }
}
