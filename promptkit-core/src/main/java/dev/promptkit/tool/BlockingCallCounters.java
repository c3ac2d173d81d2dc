/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the handlers on one {@link BlockingToolThreads} are doing: how many run, how many outlive the call they
 * answered, and one warning per tool whose handler ignored the interruption that ended its call.
 */
final class BlockingCallCounters {

    private static final Logger log = LoggerFactory.getLogger(BlockingToolThreads.class);

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger overrunning = new AtomicInteger();
    private final Set<String> warnedTools = ConcurrentHashMap.newKeySet();

    int running() {
        return running.get();
    }

    int overrunning() {
        return overrunning.get();
    }

    void handlerStarted() {
        running.incrementAndGet();
    }

    void handlerEnded() {
        running.decrementAndGet();
    }

    void overrunStarted() {
        overrunning.incrementAndGet();
    }

    /**
     * A handler whose call was given up on has returned ({@code toolName} {@code null}: it had already returned).
     * One that ended with an interruption did what it should; any other outcome means it ignored the interruption.
     */
    void overrunEnded(String toolName, Throwable failure, long nanosAfterInterrupt) {
        overrunning.decrementAndGet();
        if (toolName == null || interrupted(failure)) {
            return;
        }
        long millis = Duration.ofNanos(nanosAfterInterrupt).toMillis();
        if (warnedTools.add(toolName)) {
            log.warn("Tool '{}': its handler returned {} ms after its call was given up (time-out or cancelled turn) "
                    + "and its thread interrupted; the result was thrown away. A handler that ignores interruption "
                    + "holds its thread until it returns (said once per tool)", toolName, millis);
        }
        else {
            log.debug("Tool '{}': its handler returned {} ms after its call was given up", toolName, millis);
        }
    }

    private static boolean interrupted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException || cause instanceof ClosedByInterruptException
                    || (cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException))) {
                return true;
            }
        }
        return false;
    }
}
