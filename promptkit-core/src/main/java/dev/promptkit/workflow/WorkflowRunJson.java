/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.workflow;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link WorkflowRun} in a stored conversation's metadata, as JSON under {@value #KEY}.
 *
 * @since 0.2.0
 */
public final class WorkflowRunJson {

    /** The metadata key of a workflow's run. */
    public static final String KEY = "workflow.run";

    private static final JsonMapper JSON = JsonMapper.shared();

    private WorkflowRunJson() {
    }

    /** The run as metadata to store. */
    public static Map<String, String> metadata(WorkflowRun run) {
        return Map.of(KEY, JSON.writeValueAsString(run));
    }

    /**
     * The run stored in {@code metadata}.
     *
     * @throws WorkflowNotFoundException when the metadata holds none, or one that cannot be read
     */
    public static WorkflowRun read(String workflowId, Map<String, String> metadata) {
        String json = metadata.get(KEY);
        if (json == null) {
            throw new WorkflowNotFoundException(workflowId, "the stored conversation under this id is not a workflow"
                    + " (its metadata has no " + KEY + ")");
        }
        try {
            return JSON.readValue(json, WorkflowRun.class);
        }
        catch (JacksonException unreadable) {
            throw new WorkflowNotFoundException(workflowId, "the stored " + KEY + " cannot be read: "
                    + unreadable.getOriginalMessage());
        }
    }
}
