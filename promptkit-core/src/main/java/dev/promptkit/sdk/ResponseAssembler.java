/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.pipeline.StreamElement;
import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a turn's new messages from the pipeline's output and builds the {@link Response}; its cost adds up the
 * assistant messages' and the tool messages' (what agent tools spent).
 */
final class ResponseAssembler {

    private final long startedNanos = System.nanoTime();
    private final List<Message> turnMessages = new ArrayList<>();
    private final List<PendingToolCall> pendingTools = new ArrayList<>();

    void accept(StreamElement element) {
        if (element.isMessage()) {
            turnMessages.add(element.message());
        }
        else if (element.isPendingTool()) {
            pendingTools.add(element.pendingTool());
        }
    }

    Response build() {
        Message last = null;
        CostInfo cost = CostInfo.ZERO;
        for (Message message : turnMessages) {
            if (message.role() == Role.ASSISTANT) {
                last = message;
            }
            cost = cost.plus(message.costInfo());
        }
        if (last == null) {
            throw new IllegalStateException("The turn produced no assistant message");
        }
        return new Response(last, turnMessages, pendingTools, cost, Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
