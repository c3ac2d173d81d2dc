/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeminiErrorMessagesTests {

    private final GeminiErrorMessages messages = new GeminiErrorMessages();

    @ParameterizedTest
    @CsvSource({ "20s, PT20S", "1.5s, PT1.5S", "0.000340012s, PT0.000340012S", "0s, PT0S" })
    void readsTheRetryDelayOfARetryInfoDetail(String retryDelay, Duration expected) {
        assertThat(messages.retryDelay(retryInfo(retryDelay))).isEqualTo(expected);
        assertThat(messages.retryDelay("[" + retryInfo(retryDelay) + "]")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "-1s", "20", "soon", "''" })
    void ignoresARetryDelayThatIsNotADuration(String retryDelay) {
        assertThat(messages.retryDelay(retryInfo(retryDelay))).isNull();
    }

    @Test
    void findsNoRetryDelayWithoutARetryInfoDetailOrInABodyThatIsNotJson() {
        assertThat(messages.retryDelay("""
                {"error": {"code": 503, "message": "overloaded", "status": "UNAVAILABLE",
                 "details": [{"@type": "type.googleapis.com/google.rpc.Help", "retryDelay": "20s"}]}}""")).isNull();
        assertThat(messages.retryDelay("<html>Service Unavailable</html>")).isNull();
    }

    @Test
    void readsTheStatusAndMessageOfAnObjectOrAOneElementArray() {
        String error = "{\"error\": {\"code\": 429, \"message\": \"Slow down\", \"status\": \"RESOURCE_EXHAUSTED\"}}";

        assertThat(messages.extract(error)).isEqualTo("RESOURCE_EXHAUSTED: Slow down");
        assertThat(messages.extract("[" + error + "]")).isEqualTo("RESOURCE_EXHAUSTED: Slow down");
        assertThat(messages.extract("upstream connect error")).isNull();
    }

    private static String retryInfo(String retryDelay) {
        return """
                {"error": {"code": 429, "message": "quota", "status": "RESOURCE_EXHAUSTED", "details": [
                  {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "%s"}]}}""".formatted(retryDelay);
    }
}
