/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tokens;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * Remembers the token counts of long texts, so that a conversation's history is not tokenized again on every turn
 * (a stored answer is loaded as a new string each time, so the key is the text's content: its length and a 64-bit
 * FNV-1a hash, which takes a small fraction of the tokenizer's time). Bounded: beyond {@code maxEntries} it starts
 * afresh. Thread-safe.
 */
final class TokenCountCache {

    private record Key(int length, long hash) {
    }

    private final int maxEntries;
    private final Map<Key, Integer> counts = new ConcurrentHashMap<>();

    TokenCountCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    int count(String text, ToIntFunction<String> tokenizer) {
        Key key = new Key(text.length(), fnv1a(text));
        Integer known = counts.get(key);
        if (known != null) {
            return known;
        }
        int tokens = tokenizer.applyAsInt(text);
        if (counts.size() >= maxEntries) {
            counts.clear();
        }
        counts.put(key, tokens);
        return tokens;
    }

    int size() {
        return counts.size();
    }

    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
