/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.http;

import dev.promptkit.secret.SecretRedactor;
import dev.promptkit.tool.ToolException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Says what went wrong in an HTTP tool call as a {@link ToolException} naming the tool: a status the
 * service answered with, a timeout, an oversized response, a service that could not be reached.
 * The messages hold neither header values nor argument values, and credentials are masked in the causes too.
 */
final class ToolFailures {

    private final Duration timeout;
    private final int maxResponseBytes;
    private final SecretRedactor secrets;

    ToolFailures(HttpToolConfig config, SecretRedactor secrets) {
        this.timeout = config.timeout();
        this.maxResponseBytes = config.maxResponseBytes();
        this.secrets = secrets;
    }

    /** The failure a non-2xx status stands for, with the start of the body the service sent. */
    ToolException status(String tool, int status, String excerpt) {
        HttpStatus known = HttpStatus.resolve(status);
        String answer = "the service answered HTTP " + status + (known == null ? "" : " " + known.getReasonPhrase());
        return new ToolException(tool, excerpt.isEmpty() ? answer : answer + ": " + excerpt);
    }

    /** The failure behind any error signal of a call. */
    ToolException translate(String tool, Throwable failure) {
        if (failure instanceof ToolException known) {
            return known;
        }
        if (failure instanceof TimeoutException) {
            return new ToolException(tool, "the call timed out after " + format(timeout), failure);
        }
        if (failure instanceof DataBufferLimitException) {
            return new ToolException(tool, "the response is larger than the limit of " + maxResponseBytes + " bytes",
                    failure);
        }
        if (failure instanceof WebClientRequestException) {
            return new ToolException(tool, "could not reach the service: " + describe(failure),
                    secrets.redact(failure));
        }
        return new ToolException(tool, "the call failed: " + describe(failure), secrets.redact(failure));
    }

    /** The first I/O exception in the chain, which says what failed, else the root cause; credentials masked. */
    private String describe(Throwable failure) {
        Throwable cause = failure;
        while (!(cause instanceof IOException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String name = cause.getClass().getSimpleName();
        return cause.getMessage() == null ? name : name + ": " + secrets.redact(cause.getMessage());
    }

    private static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
