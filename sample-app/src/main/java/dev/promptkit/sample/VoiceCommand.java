/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A text frame of the voice socket: {@code {"type":"text","text":"..."}} (a typed message) or
 * {@code {"type":"commit"}} (the user finished speaking: answer now).
 */
record VoiceCommand(String type, String text) {

    static final String TEXT = "text";
    static final String COMMIT = "commit";

    private static final String FORMS = "{\"type\":\"text\",\"text\":\"...\"} or {\"type\":\"commit\"}";

    /** Reads a frame; fails with an {@link IllegalArgumentException} that shows the accepted forms. */
    static VoiceCommand parse(String frame, JsonMapper json) {
        VoiceCommand command;
        try {
            command = json.readValue(frame, VoiceCommand.class);
        }
        catch (JacksonException notJson) {
            throw new IllegalArgumentException("A text frame must be a JSON command: " + FORMS);
        }
        if (command == null || !(TEXT.equals(command.type()) || COMMIT.equals(command.type()))) {
            throw new IllegalArgumentException("Unknown command type " + (command == null ? null : command.type())
                    + "; send " + FORMS);
        }
        return command;
    }
}
