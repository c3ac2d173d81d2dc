package dev.promptkit.provider.gemini;

import dev.promptkit.provider.http.ErrorMessageExtractor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Google's error object, {@code {"error": {"code": 429, "message": "...", "status": "RESOURCE_EXHAUSTED"}}},
 * as {@code RESOURCE_EXHAUSTED: message}. The body may also be a one-element array of such objects, as some
 * Google streaming endpoints send.
 */
final class GeminiErrorMessages implements ErrorMessageExtractor {

    @Override
    public String extract(String body) {
        try {
            JsonNode root = JsonMapper.shared().readTree(body);
            return describe((root.isArray() ? root.path(0) : root).path("error"));
        }
        catch (RuntimeException notJson) {
            return null;
        }
    }

    /** The status and message of an {@code error} object, or {@code null} when it holds no message. */
    static String describe(JsonNode error) {
        JsonNode message = error.path("message");
        if (!message.isString() || message.stringValue().isBlank()) {
            return null;
        }
        JsonNode status = error.path("status");
        return status.isString() ? status.stringValue() + ": " + message.stringValue() : message.stringValue();
    }
}
