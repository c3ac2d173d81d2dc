/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Turns a failure into the short reason shown in statuses and errors. */
final class FailureReason {

    private FailureReason() {
    }

    /**
     * "no answer within 10 s" for a timeout; otherwise, for an I/O failure, the outermost I/O
     * exception (it names what could not be run or reached), else the innermost message.
     */
    static String of(Throwable failure, Duration timeout) {
        if (isTimeout(failure)) {
            return "no answer within " + format(timeout);
        }
        String message = null;
        Throwable innermost = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return describe(t);
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
            innermost = t;
        }
        return message != null ? message : describe(innermost);
    }

    static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
