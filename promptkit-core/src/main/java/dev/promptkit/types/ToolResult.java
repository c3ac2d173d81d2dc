/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to a {@link ToolCall}: the call id and tool name it answers, the result content (JSON or
 * text, as the model will see it) or an error, and how long the tool took.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolResult(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("content") String content,
        @JsonProperty("error") String error,
        @JsonProperty("latency_ms") Long latencyMs) {

    public static ToolResult success(String id, String name, String content, long latencyMs) {
        return new ToolResult(id, name, content, null, latencyMs);
    }

    public static ToolResult failure(String id, String name, String error, long latencyMs) {
        return new ToolResult(id, name, null, error, latencyMs);
    }

    @JsonIgnore
    public boolean isError() {
        return error != null;
    }

    /** What the model is shown: the content, or the error phrased so that it can recover. */
    @JsonIgnore
    public String contentForModel() {
        return isError() ? "{\"error\":" + quote(error) + "}" : content;
    }

    private static String quote(String text) {
        return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(text);
    }
}
