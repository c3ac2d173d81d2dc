package dev.promptkit.provider.http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds a provider's own error message in the body of a failed response. Returns {@code null} when the
 * body holds none, so that the HTTP layer falls back to the body itself.
 */
@FunctionalInterface
public interface ErrorMessageExtractor {

    /** The message in {@code body}, or {@code null}. */
    String extract(String body);

    /**
     * Reads the string at a JSON pointer: {@code /error/message} for OpenAI, Anthropic and Gemini,
     * {@code /error} for Ollama.
     */
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
