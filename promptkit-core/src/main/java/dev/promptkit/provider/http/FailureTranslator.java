/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderException.Kind;
import dev.promptkit.secret.SecretRedactor;
import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Turns whatever went wrong in a provider call into a {@link ProviderException} that names the
 * provider, says what {@link Kind} of failure it is, carries the HTTP status and the provider's own message,
 * says whether a retry may help, and never contains a credential: the settings' {@link SecretRedactor} masks
 * every message and cause chain it passes on. A connection that broke while the response was read stays the
 * upstream's failure, never taken for the caller's own client having gone away
 * ({@link BrokenResponseException}). Shared by the streaming chat client and the unary JSON clients outside
 * this package (the embedding providers).
 *
 * @since 0.1.0
 */
public final class FailureTranslator {

    private static final int MAX_BODY_CHARS = 500;

    private final String provider;
    private final HttpProviderSettings settings;
    private final ErrorMessageExtractor messages;
    private final SecretRedactor redactor;
    private final boolean authenticated;

    /**
     * @param provider the provider's name, used in every message
     * @param settings supply the credentials (to redact, and to explain a 401 or 403) and the idle timeout
     * @param messages finds the provider's message, and a wait it asks for, in an error body
     */
    public FailureTranslator(String provider, HttpProviderSettings settings, ErrorMessageExtractor messages) {
        this(provider, settings, messages, false);
    }

    /**
     * @param provider the provider's name, used in every message
     * @param settings supply the credentials (to redact, and to explain a 401 or 403) and the idle timeout
     * @param messages finds the provider's message, and a wait it asks for, in an error body
     * @param authenticated whether calls carry credentials of a {@link RequestAuthenticator} (a token, a signature)
     *        rather than an API key, as a 401 or 403 is then explained
     */
    public FailureTranslator(String provider, HttpProviderSettings settings, ErrorMessageExtractor messages,
            boolean authenticated) {
        this.authenticated = authenticated;
        this.provider = provider;
        this.settings = settings;
        this.messages = messages;
        this.redactor = settings.redactor();
    }

    /** The failure a non-2xx response stands for. */
    public ProviderException fromResponse(int status, HttpHeaders headers, String body) {
        String message = redactor.redact(providerMessage(status, body));
        if (status == 401 || status == 403) {
            message = apiKeyProblem(status) + ": " + message;
        }
        Duration retryAfter = RetryAfter.from(headers, Instant.now());
        if (retryAfter == null && !body.isBlank()) {
            retryAfter = messages.retryDelay(body);
        }
        return new HttpStatusException(provider, status, message, retryAfter);
    }

    /** The failure of a call made after the provider was closed. */
    ProviderException closed() {
        return new ProviderException(provider, Kind.UNAVAILABLE, 0, "the provider is closed", false, null, null);
    }

    /**
     * The failure behind any error signal of a call, with every credential masked: a {@link ProviderException}
     * made anywhere below (a stream decoder's, quoting the upstream) is passed on with its message and causes
     * redacted.
     */
    public ProviderException translate(Throwable failure) {
        if (failure instanceof ProviderException known) {
            return known.redactedBy(redactor);
        }
        if (failure instanceof TimeoutException) {
            return new ProviderException(provider, Kind.TIMED_OUT, 0, "the upstream sent nothing for "
                    + format(settings.idleTimeout()) + " (idle timeout)", false, null, failure);
        }
        if (failure instanceof LineTooLongException) {
            return new ProviderException(provider, Kind.INVALID_RESPONSE, 0, failure.getMessage(), false, null,
                    failure);
        }
        if (failure instanceof WebClientRequestException) {
            Kind kind = causedBy(failure, ConnectTimeoutException.class)
                    || causedBy(failure, HttpConnectTimeoutException.class) ? Kind.TIMED_OUT : Kind.UNAVAILABLE;
            return new ProviderException(provider, kind, 0, "could not send the request: "
                    + redactor.redact(rootMessage(failure)), true, null, redactor.redact(failure));
        }
        if (causedBy(failure, IOException.class)) {
            // the upstream's failure, never the caller's: see BrokenResponseException
            return new ProviderException(provider, Kind.UNAVAILABLE, 0, "the connection failed before the response"
                    + " was complete: " + redactor.redact(rootMessage(failure)), true, null,
                    new BrokenResponseException(redactor.redact(failure)));
        }
        return unexpected(failure);
    }

    /** The failure of a call whose credentials could not be obtained (no token, no AWS credentials found). */
    ProviderException authenticationFailed(Throwable failure) {
        if (failure instanceof ProviderException known) {
            return known.redactedBy(redactor);
        }
        return new ProviderException(provider, Kind.AUTHENTICATION, 0, "could not obtain credentials: "
                + redactor.redact(rootMessage(failure)), false, null, redactor.redact(failure));
    }

    /** A failure of no known kind, not retryable. */
    public ProviderException unexpected(Throwable failure) {
        return new ProviderException(provider, Kind.OTHER, 0, "unexpected failure: "
                + redactor.redact(String.valueOf(failure)), false, null, redactor.redact(failure));
    }

    /** An answer with a 2xx status that cannot be used; {@code what} says why, quoting the body (redacted). */
    public ProviderException invalidAnswer(int status, String what, String body, Throwable cause) {
        return new ProviderException(provider, Kind.INVALID_RESPONSE, status, what + ": "
                + redactor.redact(abbreviate(body)), false, null, redactor.redact(cause));
    }

    /** Masks this provider's credentials in {@code text}. */
    public String redact(String text) {
        return redactor.redact(text);
    }

    private String providerMessage(int status, String body) {
        String extracted = body.isBlank() ? null : messages.extract(body);
        if (extracted != null && !extracted.isBlank()) {
            return extracted;
        }
        if (!body.isBlank()) {
            return abbreviate(body);
        }
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "no error body";
    }

    private String apiKeyProblem(int status) {
        if (authenticated) {
            return status == 401 ? "the credentials were refused (invalid, expired or revoked)"
                    : "the credentials are not permitted to make this request";
        }
        if (!settings.hasApiKey()) {
            return "no API key is configured";
        }
        return status == 401 ? "the API key is invalid or revoked"
                : "the API key is not permitted to make this request";
    }

    /** A body on one line, cut after {@value #MAX_BODY_CHARS} characters, for an exception message. */
    public static String abbreviate(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() > MAX_BODY_CHARS ? flat.substring(0, MAX_BODY_CHARS) + "..." : flat;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
