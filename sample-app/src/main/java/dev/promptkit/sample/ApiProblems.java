/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import dev.promptkit.pack.VariableException;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.sdk.ConversationNotFoundException;
import dev.promptkit.sdk.PromptNotFoundException;
import dev.promptkit.state.ConversationConflictException;
import dev.promptkit.state.StoreUnavailableException;
import dev.promptkit.tool.PendingToolCallsException;
import dev.promptkit.tool.PendingToolDecidedException;
import dev.promptkit.tool.PendingToolNotFoundException;
import dev.promptkit.validation.ValidationException;
import dev.promptkit.workflow.WorkflowConflictException;
import dev.promptkit.workflow.WorkflowException;
import dev.promptkit.workflow.WorkflowNotFoundException;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebInputException;

/**
 * The RFC 9457 problem each failure of the API stands for, in one place: the JSON routes answer with it
 * ({@link ApiExceptionHandler}), and an event stream that fails after its first event ends with it as an
 * {@code error} event ({@link ConversationController}). To map another failure, add a case to {@link #of} (and its
 * class to the handler's list).
 *
 * <p>A provider's failure says which provider and what went wrong ({@code provider}, {@code cause}: the
 * {@link ProviderException.Kind} in lower case, {@code upstreamStatus} when the provider answered with an HTTP
 * error): 429 when it is rate limiting (its {@code Retry-After} passed on, also as {@code retryAfter} seconds), 504
 * when it did not answer in time, 503 when this application's own limit of calls to it is reached, 422 when it
 * refused the request, and 502 for every other way it failed (down, unreadable, broken off, too large, or refusing
 * this server's key). The detail is the provider's own message with every credential masked. A turn answered on a
 * history that changed meanwhile (or a workflow another turn moved), a message while tool calls wait and a decision
 * taken already are 409s; a workflow that reached a budget or visit limit is a 422; a store that cannot be reached is
 * a 503 with {@code Retry-After}.
 */
final class ApiProblems {

    /** How long a client should wait before trying again while the conversation store is unreachable. */
    static final long STORE_RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private ApiProblems() {
    }

    /** The problem {@code failure} stands for: a 500 without details for a failure not known here. */
    static ProblemDetail of(Throwable failure) {
        DataBufferLimitException bodyTooLarge = causeOfType(failure, DataBufferLimitException.class);
        if (bodyTooLarge != null) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is too large: "
                    + bodyTooLarge.getMessage());
        }
        if (failure instanceof ProviderException provider) {
            return provider(provider);
        }
        if (failure instanceof ConversationNotFoundException || failure instanceof PendingToolNotFoundException
                || failure instanceof WorkflowNotFoundException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, failure.getMessage());
        }
        if (failure instanceof PromptNotFoundException || failure instanceof IllegalArgumentException
                || failure instanceof VariableException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, failure.getMessage());
        }
        if (failure instanceof ServerWebInputException input) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON for"
                    + " this endpoint: " + input.getReason() + firstLineOf(input.getMostSpecificCause()));
        }
        if (failure instanceof MessageTooLargeException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, failure.getMessage());
        }
        if (failure instanceof ConversationConflictException || failure instanceof PendingToolCallsException
                || failure instanceof PendingToolDecidedException || failure instanceof WorkflowConflictException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, failure.getMessage());
        }
        if (failure instanceof StoreUnavailableException) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    failure.getMessage());
            problem.setProperty("retryAfter", STORE_RETRY_AFTER_SECONDS);
            return problem;
        }
        if (failure instanceof ValidationException || failure instanceof WorkflowException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, failure.getMessage());
        }
        if (failure instanceof IllegalStateException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, failure.getMessage());
        }
        log.error("Request failed", failure);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "The request failed; the server's"
                + " log says why");
    }

    /** The problem as a response, with the {@code Retry-After} header when the problem has a wait. */
    static ResponseEntity<ProblemDetail> response(Throwable failure) {
        ProblemDetail problem = of(failure);
        // set here: a route that produces text/event-stream would otherwise write the problem as events
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getProperties() != null && problem.getProperties().get("retryAfter") instanceof Long seconds) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
        return response.body(problem);
    }

    private static ProblemDetail provider(ProviderException failure) {
        HttpStatus status = switch (failure.kind()) {
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case TIMED_OUT -> HttpStatus.GATEWAY_TIMEOUT;
            case OVERLOADED -> HttpStatus.SERVICE_UNAVAILABLE;
            case BAD_REQUEST -> HttpStatus.UNPROCESSABLE_CONTENT;
            case AUTHENTICATION, UNAVAILABLE, INVALID_RESPONSE, INTERRUPTED, ANSWER_TOO_LARGE, OTHER ->
                HttpStatus.BAD_GATEWAY;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, failure.getMessage());
        problem.setTitle(title(failure.kind()));
        problem.setProperty("provider", failure.provider());
        problem.setProperty("cause", failure.kind().name().toLowerCase(Locale.ROOT));
        if (failure.statusCode() > 0) {
            problem.setProperty("upstreamStatus", failure.statusCode());
        }
        Duration retryAfter = failure.retryAfter();
        if (retryAfter != null) {
            problem.setProperty("retryAfter", Math.max(1, (retryAfter.toMillis() + 999) / 1000));
        }
        log.warn("Provider failure answered with {}: {}", status.value(), failure.getMessage());
        return problem;
    }

    /** {@code failure} or the first of its causes that is a {@code type}; {@code null} when none is. */
    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** The first line of a cause's message, in parentheses, for a 400's detail; empty without one. */
    private static String firstLineOf(Throwable cause) {
        if (cause == null || cause.getMessage() == null) {
            return "";
        }
        String message = cause.getMessage();
        int end = message.indexOf('\n');
        return " (" + (end < 0 ? message : message.substring(0, end)) + ")";
    }

    private static String title(ProviderException.Kind kind) {
        return switch (kind) {
            case RATE_LIMITED -> "The provider is rate limiting requests";
            case AUTHENTICATION -> "The provider refused this server's credentials";
            case BAD_REQUEST -> "The provider refused the request";
            case UNAVAILABLE -> "The provider is failing";
            case TIMED_OUT -> "The provider did not answer in time";
            case INVALID_RESPONSE -> "The provider sent an answer that cannot be read";
            case INTERRUPTED -> "The provider broke off its answer";
            case ANSWER_TOO_LARGE -> "The provider's answer is too large";
            case OVERLOADED -> "Too many calls to the provider at once";
            case OTHER -> "The provider call failed";
        };
    }
}
