/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workflows a {@link Conversations} opened or resumed and that are not closed yet, at most {@value #MAX_TRACKED}
 * (the ones opened longest ago are forgotten first, so memory stays bounded). For monitoring: each one's state as this
 * instance last read or moved it.
 *
 * @since 0.2.0
 */
public final class OpenWorkflows {

    /** How many open workflows are tracked at most. */
    public static final int MAX_TRACKED = 200;

    private final Map<String, Workflow> open = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Workflow> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    synchronized Workflow track(Workflow workflow) {
        open.put(workflow.id(), workflow);
        workflow.whenClosed(() -> forget(workflow));
        return workflow;
    }

    private synchronized void forget(Workflow workflow) {
        open.remove(workflow.id(), workflow);
    }

    /** How many open workflows are tracked now. */
    public synchronized int size() {
        return open.size();
    }

    /**
     * Each tracked workflow, in the order they were opened or resumed: its id, pack, state, prompt, whether it is complete, its
     * visits, tool calls and transitions so far. No message content.
     */
    public List<Map<String, Object>> describe() {
        List<Workflow> tracked;
        synchronized (this) {
            tracked = new ArrayList<>(open.values());
        }
        return tracked.stream().map(OpenWorkflows::describe).toList();
    }

    private static Map<String, Object> describe(Workflow workflow) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", workflow.id());
        result.put("pack", workflow.definition().pack().id());
        result.put("state", workflow.currentState());
        result.put("prompt", workflow.currentPrompt());
        result.put("complete", workflow.isComplete());
        result.put("visits", workflow.run().totalVisits());
        result.put("toolCalls", workflow.run().toolCalls());
        result.put("transitions", workflow.run().transitions().size());
        return result;
    }
}
