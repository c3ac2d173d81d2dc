package dev.promptkit.duplex;

/** A duplex session failed: the connection broke, the upstream sent an error, or the session was misused. */
public class DuplexSessionException extends RuntimeException {

    public DuplexSessionException(String message) {
        super(message);
    }

    public DuplexSessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
