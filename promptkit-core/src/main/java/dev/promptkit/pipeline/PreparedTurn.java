/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.context.ContextDecision;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.Prompt;
import dev.promptkit.types.Message;
import dev.promptkit.types.ModelParameters;
import dev.promptkit.types.ResponseFormat;
import java.util.List;
import java.util.Map;

/**
 * A turn ready to run, as {@link TurnPreparer} worked it out before the pipeline starts: what the model is asked
 * (model, parameters, rendered system prompt, offered tools) and what it reads (the history to send, then the
 * answers to held calls and the user's message, which the pipeline carries as the turn's new elements).
 * Immutable.
 *
 * @param variables the final variable values (defaults, options, {@code setVar}, variable providers)
 * @param history the stored messages to send, fitted to the token budget (a summary among them is never stored)
 * @param historyVersion the version of the stored history; the turn is stored only if it is still at it
 * @param heldCalls the answers to the tool calls the history left open
 * @param contextDecision what the token budget decided, or {@code null} when there is none
 * @since 0.1.0
 */
public record PreparedTurn(TurnRequest request, Pack pack, String promptName, Prompt prompt, String model,
        Map<String, String> variables, String systemPrompt, OfferedTools tools, ModelParameters parameters,
        ResponseFormat responseFormat, List<Message> history, long historyVersion, HeldCallAnswers.Answers heldCalls,
        ContextDecision contextDecision) {

    public PreparedTurn {
        variables = Map.copyOf(variables);
        history = List.copyOf(history);
    }

    /** This turn asking {@code otherModel} instead (a live session's model). */
    public PreparedTurn withModel(String otherModel) {
        return new PreparedTurn(request, pack, promptName, prompt, otherModel, variables, systemPrompt, tools,
                parameters, responseFormat, history, historyVersion, heldCalls, contextDecision);
    }

    /** This turn with its history fitted to the token budget. */
    PreparedTurn withHistory(List<Message> fitted, ContextDecision decision) {
        return new PreparedTurn(request, pack, promptName, prompt, model, variables, systemPrompt, tools, parameters,
                responseFormat, fitted, historyVersion, heldCalls, decision);
    }
}
