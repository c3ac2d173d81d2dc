/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The entries of a map whose key starts with a prefix, renamed: what the prefixed variable providers share. */
final class PrefixedEntries {

    private PrefixedEntries() {
    }

    /**
     * The entries of {@code entries} whose key is longer than {@code prefix} and starts with it, each named
     * {@code rename} of the key without the prefix.
     */
    static Map<String, String> select(Map<String, String> entries, String prefix, UnaryOperator<String> rename) {
        Map<String, String> selected = new HashMap<>();
        entries.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                selected.put(rename.apply(key.substring(prefix.length())), value);
            }
        });
        return selected;
    }
}
