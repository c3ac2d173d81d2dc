/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** The text of a whole exception chain, for tests that look for what must not be in it. */
public final class ExceptionChain {

    private ExceptionChain() {
    }

    /** Each throwable of the chain (causes and suppressed ones): its {@code toString()} and its message. */
    public static String text(Throwable failure) {
        List<String> parts = new ArrayList<>();
        Set<Throwable> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> pending = new ArrayList<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.remove(0);
            if (next == null || !visited.add(next)) {
                continue;
            }
            parts.add(next + " / " + next.getMessage() + " / " + next.getLocalizedMessage());
            pending.add(next.getCause());
            pending.addAll(List.of(next.getSuppressed()));
        }
        return String.join("\n", parts);
    }
}
