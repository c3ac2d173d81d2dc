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
import dev.promptkit.workflow.WorkflowException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** Turns the API's failures into RFC 9457 problem details ({@link ApiProblems}); never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler {

    @ExceptionHandler({ ConversationNotFoundException.class, PendingToolNotFoundException.class,
            PromptNotFoundException.class, IllegalArgumentException.class, VariableException.class,
            ServerWebInputException.class, MessageTooLargeException.class, ValidationException.class,
            IllegalStateException.class, ProviderException.class, ConversationConflictException.class,
            PendingToolCallsException.class, PendingToolDecidedException.class, StoreUnavailableException.class, WorkflowException.class,
            DataBufferLimitException.class })
    ResponseEntity<ProblemDetail> problem(Exception failure) {
        return ApiProblems.response(failure);
    }
}
