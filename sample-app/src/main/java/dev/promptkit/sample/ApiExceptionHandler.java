/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import dev.promptkit.pack.VariableException;
import dev.promptkit.sdk.ConversationNotFoundException;
import dev.promptkit.sdk.PromptNotFoundException;
import dev.promptkit.tool.PendingToolNotFoundException;
import dev.promptkit.validation.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** Turns the API's failures into RFC 9457 problem details; never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler {

    @ExceptionHandler({ ConversationNotFoundException.class, PendingToolNotFoundException.class })
    ProblemDetail notFound(RuntimeException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler({ PromptNotFoundException.class, IllegalArgumentException.class, VariableException.class })
    ProblemDetail badRequest(RuntimeException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
    }

    @ExceptionHandler(ServerWebInputException.class)
    ProblemDetail unreadable(ServerWebInputException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON for this"
                + " endpoint: " + ex.getReason());
    }

    @ExceptionHandler(MessageTooLargeException.class)
    ProblemDetail tooLarge(MessageTooLargeException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, ex.getMessage());
    }

    @ExceptionHandler(ValidationException.class)
    ProblemDetail invalidAnswer(ValidationException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail conflict(IllegalStateException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    }
}
