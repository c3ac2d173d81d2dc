/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link LoopbackHttpServer} treats kept-alive connections, as ordinary HTTP servers do; by default it
 * keeps every connection open for as long as the client wants, like a server with no limits.
 *
 * @param maxIdleConnections the most idle kept-alive connections; beyond it the longest idle ones are ended
 *        (the JDK's HttpServer keeps 200); 0 for no cap
 * @param idleTimeout how long a connection may stay idle before it is ended (nginx 75 s, Node.js 5 s);
 *        {@code null} for never
 * @param maxRequestsPerConnection how many requests a connection serves; 0 for no cap
 * @param announceLastRequest whether the last allowed answer says {@code Connection: close} (nginx does) or the
 *        connection is simply ended after it
 * @param ending how connections are ended for the reasons above
 * @param timing when they are ended
 * @param dropEveryNthConnection which connections have one request dropped: every n-th accepted one; 0 for none
 * @param dropAtRequest which request of such a connection is dropped (1 for its first): it is read, then the
 *        connection ends as {@code dropEnding} says without a byte of answer
 * @param dropEnding how a connection with a dropped request ends
 */
public record ConnectionConduct(int maxIdleConnections, Duration idleTimeout, int maxRequestsPerConnection,
        boolean announceLastRequest, ConnectionEnding ending, CloseTiming timing, int dropEveryNthConnection,
        int dropAtRequest, ConnectionEnding dropEnding) {

    /** A server that never ends a connection on its own. */
    public static final ConnectionConduct PATIENT = builder().build();

    public ConnectionConduct {
        Objects.requireNonNull(ending, "ending");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(dropEnding, "dropEnding");
        if (maxIdleConnections < 0 || maxRequestsPerConnection < 0 || dropEveryNthConnection < 0
                || dropAtRequest < 1) {
            throw new IllegalArgumentException("counts must not be negative, and dropAtRequest starts at 1");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether a request of connection {@code connection} ({@code index} on it) is to be dropped. */
    boolean drops(int connection, int index) {
        return dropEveryNthConnection > 0 && connection % dropEveryNthConnection == 0 && index == dropAtRequest;
    }

    /** Whether a connection idle for {@code idleNanos} is past the idle timeout. */
    boolean idleTooLong(long idleNanos) {
        return idleTimeout != null && idleNanos > idleTimeout.toNanos();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (maxIdleConnections > 0) {
            text.append("at most ").append(maxIdleConnections).append(" idle connections, ");
        }
        if (idleTimeout != null) {
            text.append("idle timeout ").append(idleTimeout.toMillis()).append(" ms, ");
        }
        if (maxRequestsPerConnection > 0) {
            text.append(maxRequestsPerConnection).append(" requests per connection")
                    .append(announceLastRequest ? " (announced), " : " (unannounced), ");
        }
        if (dropEveryNthConnection > 0) {
            text.append("request ").append(dropAtRequest).append(" of every ").append(dropEveryNthConnection)
                    .append("th connection dropped by ").append(dropEnding).append(", ");
        }
        return text.length() == 0 ? "patient" : text + "ended by " + ending + " " + timing;
    }

    /** Builds a {@link ConnectionConduct}; what is not set is not limited. */
    public static final class Builder {
        private int maxIdleConnections;
        private Duration idleTimeout;
        private int maxRequestsPerConnection;
        private boolean announceLastRequest;
        private ConnectionEnding ending = ConnectionEnding.CLOSE;
        private CloseTiming timing = CloseTiming.AT_ONCE;
        private int dropEveryNthConnection;
        private int dropAtRequest = 1;
        private ConnectionEnding dropEnding = ConnectionEnding.RESET;

        private Builder() {
        }

        public Builder maxIdleConnections(int maxIdleConnections) {
            this.maxIdleConnections = maxIdleConnections;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /** Serve {@code max} requests per connection, saying so on the last answer when {@code announce}. */
        public Builder maxRequestsPerConnection(int max, boolean announce) {
            this.maxRequestsPerConnection = max;
            this.announceLastRequest = announce;
            return this;
        }

        /** How and when connections are ended for being idle, one idle too many, or past their requests. */
        public Builder ending(ConnectionEnding ending, CloseTiming timing) {
            this.ending = ending;
            this.timing = timing;
            return this;
        }

        /** Drop request {@code atRequest} of every {@code everyNthConnection}th connection, ending it so. */
        public Builder drop(int everyNthConnection, int atRequest, ConnectionEnding ending) {
            this.dropEveryNthConnection = everyNthConnection;
            this.dropAtRequest = atRequest;
            this.dropEnding = ending;
            return this;
        }

        public ConnectionConduct build() {
            return new ConnectionConduct(maxIdleConnections, idleTimeout, maxRequestsPerConnection,
                    announceLastRequest, ending, timing, dropEveryNthConnection, dropAtRequest, dropEnding);
        }
    }
}
