/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import reactor.netty.Connection;

/**
 * One attempt of an HTTP exchange, carried in the Reactor context to the connection it goes out on: it says
 * whether the exchange is to be sent on a new connection of its own, and, once sent, whether it failed on a
 * reused connection before a single byte of response came back, which is what a connection the server had
 * already closed (idle too long, too many requests, shut down) looks like.
 */
final class ExchangeAttempt {

    private final boolean newConnection;
    private volatile boolean sent;
    private volatile ConnectionUse connection;
    private volatile boolean reused;
    private volatile long bytesBefore;

    ExchangeAttempt(boolean newConnection) {
        this.newConnection = newConnection;
    }

    /** Whether this attempt must not take a pooled connection. */
    boolean wantsNewConnection() {
        return newConnection;
    }

    /** The request of this attempt is about to go out on {@code connection}. */
    void sendingOn(Connection connection) {
        sent = true;
        ConnectionUse use = ConnectionUse.of(connection);
        if (use != null) {
            reused = use.beginRequest() > 0;
            bytesBefore = use.bytesRead();
        }
        this.connection = use;
    }

    /** Whether the request got as far as a connection that was open. */
    boolean wasSent() {
        return sent;
    }

    /** Whether the request went out on a connection that had carried others, and no byte of answer came back. */
    boolean unansweredOnReusedConnection() {
        ConnectionUse use = connection;
        return use != null && reused && use.bytesRead() == bytesBefore;
    }
}
