/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import java.util.Map;

/**
 * What a {@link Validator} decided about one text: passed, or failed with a message saying why and details
 * (measured values, what was found or missing) for logs and {@code Response.validations()}.
 *
 * @since 0.1.0
 */
public record Verdict(boolean passed, String message, Map<String, Object> details) {

    /** A pass without details. */
    public static final Verdict PASS = new Verdict(true, null, Map.of());

    public Verdict {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static Verdict fail(String message) {
        return new Verdict(false, message, Map.of());
    }

    public static Verdict fail(String message, Map<String, Object> details) {
        return new Verdict(false, message, details);
    }
}
