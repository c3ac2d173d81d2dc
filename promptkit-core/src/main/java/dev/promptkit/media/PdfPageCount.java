/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number of pages of a PDF, read without a PDF library: the {@code /Count} of its page tree's root, which is
 * the largest {@code /Count} of the {@code /Type /Pages} objects written in plain text. A PDF that keeps its page
 * tree in compressed object streams (PDF 1.5 and later may) has none in plain text, and is not counted.
 */
final class PdfPageCount {

    private static final Pattern PAGE_TREE_NODE = Pattern.compile("/Type\\s*/Pages\\b");
    private static final Pattern COUNT = Pattern.compile("/Count\\s+(\\d{1,9})");

    private PdfPageCount() {
    }

    static OptionalInt of(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("%PDF-")) {
            return OptionalInt.empty();
        }
        int pages = -1;
        Matcher node = PAGE_TREE_NODE.matcher(text);
        while (node.find()) {
            int start = Math.max(0, text.lastIndexOf("obj", node.start()));
            int end = text.indexOf("endobj", node.end());
            Matcher count = COUNT.matcher(text).region(start, end < 0 ? text.length() : end);
            if (count.find()) {
                pages = Math.max(pages, Integer.parseInt(count.group(1)));
            }
        }
        return pages < 0 ? OptionalInt.empty() : OptionalInt.of(pages);
    }
}
