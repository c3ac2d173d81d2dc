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
 * text, as the model will see it) or an error, and how long the tool took. {@code errorType} classifies an
 * error as the Go original does; {@value #APPROVAL_ERROR} marks a call a person rejected.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolResult(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("content") String content,
        @JsonProperty("error") String error,
        @JsonProperty("error_type") String errorType,
        @JsonProperty("latency_ms") Long latencyMs) {

    /** The {@code error_type} of a call that was rejected instead of run (the Go original's {@code approval}). */
    public static final String APPROVAL_ERROR = "approval";

    public static ToolResult success(String id, String name, String content, long latencyMs) {
        return new ToolResult(id, name, content, null, null, latencyMs);
    }

    public static ToolResult failure(String id, String name, String error, long latencyMs) {
        return new ToolResult(id, name, null, error, null, latencyMs);
    }

    /** A held call that a reviewer rejected: the model is told so, and why. */
    public static ToolResult rejected(String id, String name, String reason) {
        return new ToolResult(id, name, null, "a reviewer rejected this call: "
                + (reason == null || reason.isBlank() ? "no reason given" : reason), APPROVAL_ERROR, 0L);
    }

    @JsonIgnore
    public boolean isError() {
        return error != null;
    }

    /** Whether the call was rejected by a person instead of run. */
    @JsonIgnore
    public boolean isRejected() {
        return APPROVAL_ERROR.equals(errorType);
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
