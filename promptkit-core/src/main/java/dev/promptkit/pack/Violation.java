/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import java.util.Comparator;

/**
 * One problem found in a pack: where (a JSON pointer into the pack document) and what. Violations sort by pointer,
 * comparing array indexes as numbers, so {@code /prompts/a/variables/2} comes before {@code /prompts/a/variables/10}.
 */
record Violation(String pointer, String message) implements Comparable<Violation> {

    private static final Comparator<Violation> ORDER = Comparator
            .comparing(Violation::pointer, Violation::comparePointers)
            .thenComparing(Violation::message);

    @Override
    public int compareTo(Violation other) {
        return ORDER.compare(this, other);
    }

    /** {@code pointer: message}; the document root shows as {@code /}. */
    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }

    private static int comparePointers(String left, String right) {
        String[] a = left.split("/", -1);
        String[] b = right.split("/", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int order = compareTokens(a[i], b[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static int compareTokens(String a, String b) {
        if (isIndex(a) && isIndex(b)) {
            int byLength = Integer.compare(a.length(), b.length());
            return byLength != 0 ? byLength : a.compareTo(b);
        }
        return a.compareTo(b);
    }

    private static boolean isIndex(String token) {
        return !token.isEmpty() && token.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
