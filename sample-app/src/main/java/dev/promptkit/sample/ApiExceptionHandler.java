package dev.promptkit.sample;

import dev.promptkit.pack.VariableException;
import dev.promptkit.sdk.ConversationNotFoundException;
import dev.promptkit.sdk.PromptNotFoundException;
import dev.promptkit.state.ConversationConflictException;
import dev.promptkit.state.StoreUnavailableException;
import dev.promptkit.tool.PendingToolCallsException;
import dev.promptkit.tool.PendingToolDecidedException;
import dev.promptkit.tool.PendingToolNotFoundException;
import dev.promptkit.validation.ValidationException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** Turns the API's failures into RFC 9457 problem details; never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler {

    /** How long a client should wait before trying again while the conversation store is unreachable. */
    static final String STORE_RETRY_AFTER_SECONDS = "5";

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
        if (ex.getMostSpecificCause() instanceof DataBufferLimitException tooLarge) {
            return tooLarge(tooLarge);
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON for this"
                + " endpoint: " + ex.getReason() + detail(ex.getMostSpecificCause()));
    }

    @ExceptionHandler(MessageTooLargeException.class)
    ProblemDetail tooLarge(MessageTooLargeException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, ex.getMessage());
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ProblemDetail tooLarge(DataBufferLimitException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is too large: "
                + ex.getMessage());
    }

    @ExceptionHandler(ValidationException.class)
    ProblemDetail invalidAnswer(ValidationException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
    }

    /** Two requests answered on the same history, a new message while calls wait, a decision taken already. */
    @ExceptionHandler({ ConversationConflictException.class, PendingToolCallsException.class,
            PendingToolDecidedException.class, IllegalStateException.class })
    ProblemDetail conflict(RuntimeException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(StoreUnavailableException ex) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, STORE_RETRY_AFTER_SECONDS)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage()));
    }

    private static String detail(Throwable cause) {
        return cause == null || cause.getMessage() == null ? "" : " (" + firstLine(cause.getMessage()) + ")";
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
