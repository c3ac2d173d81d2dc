package dev.promptkit.event;

import java.time.Instant;

/** A validator judged a message. */
public record ValidationEvent(Instant timestamp, String conversationId, String validatorType, boolean passed,
        String message) implements Event {

    @Override
    public String type() {
        return passed ? "validation.passed" : "validation.failed";
    }
}
