/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test;

import java.io.IOException;
import java.time.Duration;

/** Bounded polling for test set-ups: asks a condition every 50 ms until it holds or the limit passes. */
public final class Await {

    /** A condition that may fail to be asked (the server is still starting, say): that counts as not yet. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws IOException;
    }

    private Await() {
    }

    /**
     * Returns once {@code condition} holds; throws an {@link IllegalStateException} naming {@code what} and the last
     * failure to ask it when it does not within {@code limit}.
     */
    public static void until(String what, Duration limit, Condition condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        IOException last = null;
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            }
            catch (IOException notYet) {
                last = notYet;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not so within " + limit.toSeconds() + " s: " + what
                        + (last == null ? "" : " (last error: " + last.getMessage() + ")"));
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting until " + what, ex);
            }
        }
    }
}
