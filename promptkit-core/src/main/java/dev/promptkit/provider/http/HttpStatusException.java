/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.ProviderException;
import java.time.Duration;

/** A non-2xx response, remembering the wait the server asked for before a retry. */
final class HttpStatusException extends ProviderException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    HttpStatusException(String provider, int statusCode, String message, Duration retryAfter) {
        super(provider, statusCode, message);
        this.retryAfter = retryAfter;
    }

    /** The wait the server asked for ({@code Retry-After}, or a delay in the error body), or {@code null}. */
    Duration retryAfter() {
        return retryAfter;
    }
}
