/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import dev.promptkit.PromptKitException;
import dev.promptkit.secret.SecretRedactor;
import java.time.Duration;
import java.util.Objects;

/**
 * A provider call failed. Carries the provider's name, the {@link Kind} of failure (what a caller switches on),
 * the HTTP status (0 when there was no HTTP response, for example a refused connection), the provider's own
 * error message, and the wait the provider asked for before a retry. Never carries an API key.
 *
 * @since 0.1.0
 */
public class ProviderException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final String provider;
    private final Kind kind;
    private final int statusCode;
    private final String detail;
    private final boolean retryable;
    private final Duration retryAfter;

    /** What went wrong, in terms a caller can act on. */
    public enum Kind {
        /** The provider refused the call for now (HTTP 429, a quota or rate limit); see {@link #retryAfter()}. */
        RATE_LIMITED,
        /** The API key is missing, invalid, revoked or not allowed to make the call (HTTP 401, 403). */
        AUTHENTICATION,
        /** The provider rejected the request as it is (another 4xx, a refused prompt, an unsupported part). */
        BAD_REQUEST,
        /** The provider failed or could not be reached (5xx, a refused or broken connection, a cut stream). */
        UNAVAILABLE,
        /** The provider did not answer in time (the idle or connect timeout, HTTP 408 or 504). */
        TIMED_OUT,
        /** The provider answered something that cannot be read (not JSON, not the documented format). */
        INVALID_RESPONSE,
        /** The upstream broke the answer off after some of it had been streamed to the caller. */
        INTERRUPTED,
        /** The answer grew beyond the provider's configured limit (characters or tokens). */
        ANSWER_TOO_LARGE,
        /** This application's own limit of concurrent calls to the provider was reached. */
        OVERLOADED,
        /** A failure of no kind above. */
        OTHER;

        /**
         * The kind an HTTP status stands for: {@link #UNAVAILABLE} for 0 (no response), {@link #INVALID_RESPONSE}
         * for a 2xx status (the answer came but could not be used).
         */
        public static Kind ofStatus(int statusCode) {
            if (statusCode == 429) {
                return RATE_LIMITED;
            }
            if (statusCode == 401 || statusCode == 403) {
                return AUTHENTICATION;
            }
            if (statusCode == 408 || statusCode == 504) {
                return TIMED_OUT;
            }
            if (statusCode >= 400 && statusCode < 500) {
                return BAD_REQUEST;
            }
            if (statusCode >= 200 && statusCode < 300) {
                return INVALID_RESPONSE;
            }
            return statusCode >= 500 || statusCode == 0 ? UNAVAILABLE : OTHER;
        }
    }

    /** A failure whose kind and retryability follow from the HTTP status. */
    public ProviderException(String provider, int statusCode, String message) {
        this(provider, statusCode, message, isRetryableStatus(statusCode), null);
    }

    /**
     * A failure whose kind follows from the HTTP status; with status 0 it is {@link Kind#UNAVAILABLE} when
     * retryable, else {@link Kind#OTHER}.
     */
    public ProviderException(String provider, int statusCode, String message, boolean retryable, Throwable cause) {
        this(provider, statusCode == 0 && !retryable ? Kind.OTHER : Kind.ofStatus(statusCode), statusCode, message,
                retryable, null, cause);
    }

    /**
     * @param provider the provider's name
     * @param kind what went wrong
     * @param statusCode the HTTP status, or 0
     * @param message what went wrong, in the provider's own words where it gave any; never an API key
     * @param retryable whether retrying the same request may succeed
     * @param retryAfter the wait the provider asked for, or {@code null}
     * @param cause the underlying failure, or {@code null}
     */
    public ProviderException(String provider, Kind kind, int statusCode, String message, boolean retryable,
            Duration retryAfter, Throwable cause) {
        super(format(provider, statusCode, message), cause);
        this.provider = provider;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.statusCode = statusCode;
        this.detail = message;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /**
     * A request this provider cannot send as it is (a part of a kind it does not take, a missing field);
     * raised before any call and never retried.
     */
    public static ProviderException unsupported(String provider, String message) {
        return new ProviderException(provider, Kind.BAD_REQUEST, 0, message, false, null, null);
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

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    public int statusCode() {
        return statusCode;
    }

    /** The message without the {@code Provider '<name>' failed (HTTP n): } that {@link #getMessage()} starts with. */
    public String detail() {
        return detail;
    }

    /** Whether retrying the same request may succeed (before any chunk reached the caller). */
    public boolean retryable() {
        return retryable;
    }

    /**
     * The wait the provider asked for before a retry ({@code Retry-After}, or a delay in its error body), or
     * {@code null} when it asked for none.
     */
    public Duration retryAfter() {
        return retryAfter;
    }

    /**
     * This failure as it reads once some of the answer reached the caller: an upstream that failed
     * ({@link Kind#UNAVAILABLE}: a cut connection, a stream that ended early, a server error reported in the stream)
     * broke the answer off, {@link Kind#INTERRUPTED}, with the same message, cause and retryability (a new call may
     * still succeed; this one is not retried). Any other kind says more than that and is kept: itself.
     */
    public ProviderException afterOutput() {
        return kind == Kind.UNAVAILABLE ? copy(Kind.INTERRUPTED, detail, getCause()) : this;
    }

    /**
     * This failure with every credential {@code redactor} knows masked in its message and cause chain; itself when
     * there is nothing to mask.
     */
    public ProviderException redactedBy(SecretRedactor redactor) {
        Throwable cause = getCause();
        Throwable redactedCause = redactor.redact(cause);
        String redactedDetail = redactor.redact(detail);
        if (redactedCause == cause && Objects.equals(redactedDetail, detail)) {
            return this;
        }
        return copy(kind, redactedDetail, redactedCause);
    }

    private ProviderException copy(Kind newKind, String newDetail, Throwable cause) {
        ProviderException copy = new ProviderException(provider, newKind, statusCode, newDetail, retryable,
                retryAfter, cause);
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
