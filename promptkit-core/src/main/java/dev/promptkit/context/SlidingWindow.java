/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.context;

import dev.promptkit.context.ContextWindow.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * The newest older units that fit: walks back from the newest and stops at the first that does not fit, then
 * lets the kept part start at a user message, so that no answer is sent without its question.
 */
final class SlidingWindow {

    private SlidingWindow() {
    }

    /** The newest units of {@code older} (oldest first) that fit in {@code space} tokens, oldest first. */
    static List<Unit> newest(List<Unit> older, int space) {
        int first = older.size();
        int left = space;
        while (first > 0 && older.get(first - 1).tokens() <= left) {
            first--;
            left -= older.get(first).tokens();
        }
        while (first < older.size() && !older.get(first).startsWithUser()) {
            first++;
        }
        return new ArrayList<>(older.subList(first, older.size()));
    }

    /** The window with the newest older units that fit. */
    static FittedContext fit(ContextWindow window, String fallbackReason) {
        return window.keep(newest(window.older(), window.spaceForOlder()), fallbackReason);
    }
}
