/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.voice;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts streamed text into sentences for text-to-speech, so that the first sentence can be spoken while the rest
 * is still being written. A sentence ends at {@code . ! ? …} (and any closing quote or bracket) followed by
 * white space, at {@code 。！？}, or at a line break, but only once it holds {@value #MIN_CHARS} characters, so
 * that "Mr." or "Hi!" is spoken with what follows; text running past {@value #MAX_CHARS} characters without
 * an end is cut at its last space. Not thread-safe.
 */
final class SentenceSplitter {

    static final int MIN_CHARS = 16;
    static final int MAX_CHARS = 400;

    private final StringBuilder pending = new StringBuilder();

    /** Takes the next piece of text; returns the sentences it completes. */
    List<String> add(String text) {
        pending.append(text);
        List<String> sentences = new ArrayList<>();
        for (int end = nextEnd(); end > 0; end = nextEnd()) {
            String sentence = pending.substring(0, end).strip();
            pending.delete(0, end);
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    /** The text left over once the stream has ended, as a last sentence (none if it is blank). */
    List<String> finish() {
        String rest = pending.toString().strip();
        pending.setLength(0);
        return rest.isEmpty() ? List.of() : List.of(rest);
    }

    private int nextEnd() {
        for (int i = MIN_CHARS - 1; i < pending.length(); i++) {
            char c = pending.charAt(i);
            if (c == '\n' || c == '。' || c == '！' || c == '？') {
                return i + 1;
            }
            if (c == '.' || c == '!' || c == '?' || c == '…') {
                int after = i + 1;
                while (after < pending.length() && "\"'”’)]»".indexOf(pending.charAt(after)) >= 0) {
                    after++;
                }
                if (after < pending.length() && Character.isWhitespace(pending.charAt(after))) {
                    return after;
                }
            }
        }
        if (pending.length() > MAX_CHARS) {
            int space = pending.lastIndexOf(" ", MAX_CHARS);
            return space > 0 ? space + 1 : MAX_CHARS;
        }
        return -1;
    }
}
