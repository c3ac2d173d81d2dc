package dev.promptkit.sample;

import dev.promptkit.pack.VariableException;
import dev.promptkit.sdk.ConversationNotFoundException;
import dev.promptkit.sdk.PromptNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns PromptKit's exceptions into RFC 9457 problem details; never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler {

    @ExceptionHandler(ConversationNotFoundException.class)
    ProblemDetail notFound(ConversationNotFoundException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler({ PromptNotFoundException.class, IllegalArgumentException.class, VariableException.class })
    ProblemDetail badRequest(RuntimeException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
    }
}
