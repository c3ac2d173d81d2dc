/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import java.time.Instant;

/**
 * A live eval judged a turn, or a whole conversation when it ended: {@code eval.completed} when its handler ran
 * (passed or not), {@code eval.failed} when the handler threw.
 *
 * @param packId the pack that declares the eval
 * @param promptName the conversation's prompt
 * @param evalId the eval's id
 * @param evalType the eval's handler type
 * @param trigger the eval's trigger ({@code every_turn}, {@code on_session_complete}...)
 * @param turn the version of the stored history the judged turn made, or 0 for an eval of the whole conversation
 * @param score what the handler scored (0 when it threw)
 * @param outcome {@code passed}, {@code failed} or {@code error}
 * @param message why, as the handler or the pack says
 *
 * @since 0.1.0
 */
public record EvalEvent(Instant timestamp, String conversationId, String packId, String promptName, String evalId,
        String evalType, String trigger, long turn, double score, String outcome, String message) implements Event {

    /** {@link #outcome()} of a handler that threw. */
    public static final String ERROR = "error";

    @Override
    public String type() {
        return ERROR.equals(outcome) ? "eval.failed" : "eval.completed";
    }
}
