/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import dev.promptkit.provider.http.ErrorMessageExtractor;
import java.math.BigDecimal;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Google's error object, {@code {"error": {"code": 429, "message": "...", "status": "RESOURCE_EXHAUSTED",
 * "details": [...]}}}, as {@code RESOURCE_EXHAUSTED: message}, and the wait a {@code google.rpc.RetryInfo}
 * detail asks for ({@code "retryDelay": "20s"}). The body may also be a one-element array of such objects, as
 * some Google streaming endpoints send. Public for the Gemini embedding provider, whose errors are the same.
 *
 * @since 0.1.0
 */
public final class GeminiErrorMessages implements ErrorMessageExtractor {

    private static final String RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo";
    /** Longer delays are read as this one; any retry policy caps them far lower anyway. */
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(999_999_999L);

    @Override
    public String extract(String body) {
        return describe(error(body));
    }

    @Override
    public Duration retryDelay(String body) {
        for (JsonNode detail : error(body).path("details")) {
            if (RETRY_INFO.equals(detail.path("@type").stringValue(null))) {
                return protobufDuration(detail.path("retryDelay").stringValue(""));
            }
        }
        return null;
    }

    /** The {@code error} object of a body, or a missing node when the body holds none. */
    static JsonNode error(String body) {
        try {
            JsonNode root = JsonMapper.shared().readTree(body);
            return (root.isArray() ? root.path(0) : root).path("error");
        }
        catch (RuntimeException notJson) {
            return JsonMapper.shared().missingNode();
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

    /** A {@code google.protobuf.Duration} in its JSON form: seconds with up to nine decimals and an {@code s}. */
    private static Duration protobufDuration(String text) {
        if (!text.endsWith("s")) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(text.substring(0, text.length() - 1));
            return seconds.signum() < 0 ? null
                    : Duration.ofNanos(seconds.min(MAX_SECONDS).movePointRight(9).longValue());
        }
        catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
