/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a provider's own error message, and optionally the wait it asks for, from the body of a failed
 * response. {@link #extract} returns {@code null} when the body holds no message, so that the HTTP layer
 * falls back to the body itself. The providers use:
 * <ul>
 * <li>OpenAI and Anthropic: {@code jsonPointer("/error/message")};</li>
 * <li>Ollama: {@code jsonPointer("/error")}, its errors being {@code {"error": "..."}};</li>
 * <li>Gemini: its own extractor, which reads Google's error object as {@code STATUS: message} and the
 * {@code retryDelay} of its {@code google.rpc.RetryInfo} detail.</li>
 * </ul>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ErrorMessageExtractor {

    /** The message in {@code body}, or {@code null}. */
    String extract(String body);

    /**
     * How long the body asks the client to wait before retrying, or {@code null} (the default). Honoured
     * like {@code Retry-After}, which wins when the response has both.
     */
    default Duration retryDelay(String body) {
        return null;
    }

    /** Reads the string at a JSON pointer, such as {@code /error/message}. */
    static ErrorMessageExtractor jsonPointer(String pointer) {
        return body -> {
            try {
                JsonNode message = JsonMapper.shared().readTree(body).at(pointer);
                return message.isString() ? message.stringValue() : null;
            }
            catch (RuntimeException notJson) {
                return null;
            }
        };
    }
}
