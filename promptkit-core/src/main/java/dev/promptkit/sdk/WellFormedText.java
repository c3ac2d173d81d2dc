/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

/**
 * Refuses text that is not well-formed UTF-16: a lone surrogate cannot be encoded as UTF-8, so a store would keep
 * it as {@code ?} (Redis) or as a history that strict JSON readers reject (memory).
 */
final class WellFormedText {

    private WellFormedText() {
    }

    /** {@code text}, when it has no unpaired surrogate; else an {@link IllegalArgumentException} naming where. */
    static String require(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(what + " has an unpaired surrogate (U+"
                        + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + ") at index " + i
                        + "; text must be well-formed Unicode");
            }
        }
        return text;
    }
}
