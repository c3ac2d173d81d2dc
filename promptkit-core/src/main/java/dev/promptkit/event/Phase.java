package dev.promptkit.event;

import java.util.Locale;

/** Where an operation is: begun, done, or failed. */
public enum Phase {
    STARTED, COMPLETED, FAILED;

    /** The phase as it appears in event type names ({@code started}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
