/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * When a live eval runs, as the PromptPack schema names it in an eval's {@code trigger}.
 *
 * @since 0.1.0
 */
public enum EvalTrigger {

    /** After every turn. */
    EVERY_TURN("every_turn"),
    /** After every turn too: each turn of a conversation is a step of its workflow, as in the Go original. */
    ON_WORKFLOW_STEP("on_workflow_step"),
    /** After a share of the turns ({@code sample_percentage}), drawn turn by turn. */
    SAMPLE_TURNS("sample_turns"),
    /** After every turn of a share of the conversations ({@code sample_percentage}), drawn once per conversation. */
    SAMPLE_SESSIONS("sample_sessions"),
    /** Once, on the whole conversation, when a conversation that ran turns is closed. */
    ON_SESSION_COMPLETE("on_session_complete"),
    /** As {@link #ON_SESSION_COMPLETE}. */
    ON_CONVERSATION_COMPLETE("on_conversation_complete");

    private final String value;

    EvalTrigger(String value) {
        this.value = value;
    }

    /** The name packs use. */
    public String value() {
        return value;
    }

    /** Whether evals with this trigger run on the whole conversation when it ends, rather than after turns. */
    public boolean atSessionEnd() {
        return this == ON_SESSION_COMPLETE || this == ON_CONVERSATION_COMPLETE;
    }

    /** The trigger a pack names, if it is one. */
    public static Optional<EvalTrigger> of(String value) {
        return Arrays.stream(values()).filter(trigger -> trigger.value.equals(value)).findFirst();
    }

    /** Every name packs may use. */
    public static List<String> names() {
        return Arrays.stream(values()).map(EvalTrigger::value).toList();
    }
}
