/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.upstream;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How the mock upstream treats its keep-alive connections, as real servers do, and what it did to them:
 * <ul>
 * <li>{@code maxIdleConnections}: once that many connections are idle (between a response and the next request), a
 * connection whose response ends is closed instead of kept, with no {@code Connection: close} header (the JDK's
 * {@code HttpServer}: {@code sun.net.httpserver.maxIdleConnections}, 200);</li>
 * <li>{@code idleTimeout}: a connection idle that long is closed (the JDK's server: 30 s; nginx: 75 s);</li>
 * <li>{@code maxRequestsPerConnection}: the response to a connection's last request says {@code Connection: close},
 * and the connection is closed after it (nginx's {@code keepalive_requests}: 1,000);</li>
 * <li>{@code resetAfterAccept}: that fraction of requests has its connection reset (TCP RST) as soon as the request
 * has arrived, before any response byte (a proxy or load balancer dropping connections).</li>
 * </ul>
 * 0 turns a behaviour off; with all four off the mock keeps every connection open as long as the client does.
 */
record ServerConnectionPolicy(int maxIdleConnections, Duration idleTimeout, int maxRequestsPerConnection,
        double resetAfterAccept, Counters counters) {

    ServerConnectionPolicy {
        if (maxIdleConnections < 0 || idleTimeout.isNegative() || maxRequestsPerConnection < 0
                || !(resetAfterAccept >= 0 && resetAfterAccept <= 1)) {
            throw new IllegalArgumentException("connection limits are 0 (off) or positive, and the reset fraction is "
                    + "between 0 and 1; were " + maxIdleConnections + ", " + idleTimeout + ", "
                    + maxRequestsPerConnection + ", " + resetAfterAccept);
        }
    }

    /** A server that keeps every connection as long as the client does. */
    static ServerConnectionPolicy keepEverything() {
        return new ServerConnectionPolicy(0, Duration.ZERO, 0, 0, new Counters());
    }

    boolean changesAnything() {
        return maxIdleConnections > 0 || !idleTimeout.isZero() || maxRequestsPerConnection > 0 || resetAfterAccept > 0;
    }

    @Override
    public String toString() {
        return "at most " + maxIdleConnections + " idle (0: no cap), idle timeout " + idleTimeout.toMillis()
                + " ms (0: none), at most " + maxRequestsPerConnection + " requests per connection (0: no limit), "
                + resetAfterAccept + " of requests reset on arrival";
    }

    /** Takes one idle place for a connection whose response ended; {@code false} when the idle connections are full. */
    boolean enterIdle() {
        int now = counters.idle.incrementAndGet();
        if (maxIdleConnections > 0 && now > maxIdleConnections) {
            counters.idle.decrementAndGet();
            return false;
        }
        return true;
    }

    void leaveIdle() {
        counters.idle.decrementAndGet();
    }

    /** What the server did to its connections since it started, and how many are open and idle now. */
    static final class Counters {
        final AtomicLong opened = new AtomicLong();
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger idle = new AtomicInteger();
        final AtomicLong closedIdleOverCap = new AtomicLong();
        final AtomicLong closedIdleTimeout = new AtomicLong();
        final AtomicLong closedMaxRequests = new AtomicLong();
        final AtomicLong resetAfterAccept = new AtomicLong();

        /** The counters as JSON members (no braces). */
        String json() {
            return "\"connections_opened\":" + opened.get() + ",\"closed_idle_over_cap\":" + closedIdleOverCap.get()
                    + ",\"closed_idle_timeout\":" + closedIdleTimeout.get() + ",\"closed_max_requests\":"
                    + closedMaxRequests.get() + ",\"reset_after_accept\":" + resetAfterAccept.get()
                    + ",\"now\":{\"connections_open\":" + open.get() + ",\"connections_idle\":" + idle.get() + "}";
        }
    }
}
