/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.secret;

import static dev.promptkit.secret.SecretRedactor.MIN_FRAGMENT;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One secret, lower-cased, with the rolling hashes of its runs of {@value SecretRedactor#MIN_FRAGMENT} characters that reach
 * past its vendor prefix: {@code sk-proj-} alone, which a vendor's own masked form shows, is not a secret.
 */
final class KnownSecret {

    /** A vendor's prefix: short runs of letters, each ending with a dash or underscore ({@code sk-proj-}). */
    private static final Pattern VENDOR_PREFIX = Pattern.compile("^(?:[A-Za-z]{1,5}[-_])+");

    private static final long BASE = 1_000_003L;

    private final String value;
    private final char[] lower;
    private final int firstFragment;
    private final long[] fragmentHashes;

    KnownSecret(String value) {
        this.value = value;
        this.lower = lowerCase(value);
        Matcher prefix = VENDOR_PREFIX.matcher(value);
        int prefixLength = prefix.find() && prefix.end() < value.length() ? prefix.end() : 0;
        this.firstFragment = Math.max(0, prefixLength - MIN_FRAGMENT + 1);
        this.fragmentHashes = lower.length >= MIN_FRAGMENT ? fragmentHashes() : null;
    }

    /** The secret as given. */
    String value() {
        return value;
    }

    /** Marks in {@code masked} where {@code text} holds this secret or a run of it; whether it found any. */
    boolean mark(char[] text, boolean[] masked) {
        return fragmentHashes == null ? markWhole(text, masked) : markFragments(text, masked);
    }

    private boolean markWhole(char[] text, boolean[] masked) {
        boolean found = false;
        for (int i = 0; i + lower.length <= text.length; i++) {
            if (matches(text, i, 0, lower.length)) {
                Arrays.fill(masked, i, i + lower.length, true);
                found = true;
            }
        }
        return found;
    }

    private boolean markFragments(char[] text, boolean[] masked) {
        if (text.length < MIN_FRAGMENT) {
            return false;
        }
        long power = power();
        long hash = 0;
        boolean found = false;
        for (int i = 0; i < text.length; i++) {
            if (i >= MIN_FRAGMENT) {
                hash -= text[i - MIN_FRAGMENT] * power;
            }
            hash = hash * BASE + text[i];
            int start = i - MIN_FRAGMENT + 1;
            int offset = start >= 0 && Arrays.binarySearch(fragmentHashes, hash) >= 0 ? offsetOf(text, start) : -1;
            if (offset >= 0) {
                markCommonRun(text, start, offset, masked);
                found = true;
            }
        }
        return found;
    }

    /** Where in this secret the run of {@code text} at {@code start} is, or -1. */
    private int offsetOf(char[] text, int start) {
        for (int offset = firstFragment; offset + MIN_FRAGMENT <= lower.length; offset++) {
            if (matches(text, start, offset, MIN_FRAGMENT)) {
                return offset;
            }
        }
        return -1;
    }

    /** Marks the run at {@code start}, widened both ways as far as text and secret agree (the prefix too). */
    private void markCommonRun(char[] text, int start, int offset, boolean[] masked) {
        int before = 0;
        while (start - before > 0 && offset - before > 0 && text[start - before - 1] == lower[offset - before - 1]) {
            before++;
        }
        int end = start + MIN_FRAGMENT;
        int secretEnd = offset + MIN_FRAGMENT;
        while (end < text.length && secretEnd < lower.length && text[end] == lower[secretEnd]) {
            end++;
            secretEnd++;
        }
        Arrays.fill(masked, start - before, end, true);
    }

    private boolean matches(char[] text, int start, int offset, int length) {
        for (int j = 0; j < length; j++) {
            if (text[start + j] != lower[offset + j]) {
                return false;
            }
        }
        return true;
    }

    private long[] fragmentHashes() {
        long[] hashes = new long[lower.length - MIN_FRAGMENT + 1 - firstFragment];
        for (int i = 0; i < hashes.length; i++) {
            long hash = 0;
            for (int j = 0; j < MIN_FRAGMENT; j++) {
                hash = hash * BASE + lower[firstFragment + i + j];
            }
            hashes[i] = hash;
        }
        Arrays.sort(hashes);
        return hashes;
    }

    private static long power() {
        long power = 1;
        for (int j = 1; j < MIN_FRAGMENT; j++) {
            power *= BASE;
        }
        return power;
    }

    /** Lower case, char by char, so that indexes stay those of the text. */
    static char[] lowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return chars;
    }
}
