/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpHeaders;

/**
 * Reads how long a server asked the client to wait: {@code retry-after-ms} (milliseconds, as Azure sends
 * and the vendors' own SDKs honour), else {@code Retry-After} as delay-seconds or an HTTP date
 * (RFC 9110 §10.2.3).
 */
final class RetryAfter {

    /** Longer waits are read as this one; any policy caps them far lower anyway. */
    private static final long MAX_SECONDS = 999_999_999L;

    private RetryAfter() {
    }

    /** The requested wait, never negative, or {@code null} when the headers ask for none or are unreadable. */
    static Duration from(HttpHeaders headers, Instant now) {
        Duration millis = parseMillis(headers.getFirst("retry-after-ms"));
        return millis != null ? millis : parse(headers.getFirst(HttpHeaders.RETRY_AFTER), now);
    }

    /** Parses a {@code Retry-After} value: delay-seconds or an HTTP date. */
    static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(trimmed.length() > 9 ? MAX_SECONDS : Long.parseLong(trimmed));
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        }
        catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static Duration parseMillis(String value) {
        if (value == null) {
            return null;
        }
        try {
            double millis = Double.parseDouble(value.trim());
            return millis >= 0 && millis < 1e12 ? Duration.ofNanos((long) (millis * 1_000_000)) : null;
        }
        catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
