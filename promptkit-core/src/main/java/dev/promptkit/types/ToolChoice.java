/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

/**
 * Whether the model may, must or must not call tools, or must call one named tool.
 *
 * @param mode auto, required or none
 * @param toolName the tool that must be called, for mode {@link Mode#TOOL}
 *
 * @since 0.1.0
 */
public record ToolChoice(Mode mode, String toolName) {

    /** How tools are offered. */
    public enum Mode { AUTO, REQUIRED, NONE, TOOL }

    public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, null);
    public static final ToolChoice REQUIRED = new ToolChoice(Mode.REQUIRED, null);
    public static final ToolChoice NONE = new ToolChoice(Mode.NONE, null);

    public static ToolChoice tool(String name) {
        return new ToolChoice(Mode.TOOL, name);
    }

    /** Reads the pack's {@code tool_policy.tool_choice} value: auto, required, none, or a tool name. */
    public static ToolChoice parse(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("auto")) {
            return AUTO;
        }
        if (value.equalsIgnoreCase("required")) {
            return REQUIRED;
        }
        if (value.equalsIgnoreCase("none")) {
            return NONE;
        }
        return tool(value);
    }
}
