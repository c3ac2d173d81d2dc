/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.ProviderException;
import java.time.Duration;

/** A non-2xx response: its kind and retryability follow from the status, with the wait the server asked for. */
final class HttpStatusException extends ProviderException {

    private static final long serialVersionUID = 1L;

    HttpStatusException(String provider, int statusCode, String message, Duration retryAfter) {
        super(provider, Kind.ofStatus(statusCode), statusCode, message, isRetryableStatus(statusCode), retryAfter,
                null);
    }
}
