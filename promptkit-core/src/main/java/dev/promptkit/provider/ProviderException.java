/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import dev.promptkit.PromptKitException;

/**
 * A provider call failed. Carries the provider's name, the HTTP status (0 when there was no HTTP
 * response, for example a refused connection) and the provider's own error message. Never carries
 * an API key.
 *
 * @since 0.1.0
 */
public class ProviderException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final String provider;
    private final int statusCode;
    private final boolean retryable;

    public ProviderException(String provider, int statusCode, String message) {
        this(provider, statusCode, message, isRetryableStatus(statusCode), null);
    }

    public ProviderException(String provider, int statusCode, String message, boolean retryable, Throwable cause) {
        super(format(provider, statusCode, message), cause);
        this.provider = provider;
        this.statusCode = statusCode;
        this.retryable = retryable;
    }

    /**
     * A request this provider cannot send as it is (a part of a kind it does not take, a missing field);
     * raised before any call and never retried.
     */
    public static ProviderException unsupported(String provider, String message) {
        return new ProviderException(provider, 0, message, false, null);
    }

    private static String format(String provider, int statusCode, String message) {
        String status = statusCode > 0 ? " (HTTP " + statusCode + ")" : "";
        return "Provider '" + provider + "' failed" + status + ": " + message;
    }

    /**
     * Whether an HTTP status is worth retrying: rate limits and transient server errors (529 is
     * Anthropic's "overloaded"), and 0, a failure before any HTTP response.
     */
    public static boolean isRetryableStatus(int statusCode) {
        return statusCode == 429 || statusCode == 500 || statusCode == 502 || statusCode == 503
                || statusCode == 504 || statusCode == 529 || statusCode == 0;
    }

    public String provider() {
        return provider;
    }

    public int statusCode() {
        return statusCode;
    }

    /** Whether retrying the same request may succeed (before any chunk reached the caller). */
    public boolean retryable() {
        return retryable;
    }
}
