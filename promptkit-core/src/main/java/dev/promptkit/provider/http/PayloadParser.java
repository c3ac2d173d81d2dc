/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import java.util.Arrays;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;

/**
 * One token parser for all the payloads of one stream: each payload's text is encoded as UTF-8 into one reused
 * array and fed to a non-blocking parser that lives as long as the stream, so that a payload costs no parser,
 * context, buffers or symbol table of its own, as a parser made per payload did.
 *
 * <p>A payload that the reader gives up on, that fails to parse, or that the reader leaves before its end may
 * leave the parser inside a value: the parser is then closed and the next payload gets a new one, so one bad
 * payload never spoils the next. Reads are made one at a time, by the stream's decoder; {@link #close} may come
 * from another thread (a cancelled stream), so both are serialized, and a read after it falls back to the tree.
 */
final class PayloadParser implements AutoCloseable {

    private static final int MIN_BYTES = 512;

    private byte[] bytes = new byte[0];
    private PayloadTokens parser;
    private boolean closed;

    /**
     * What {@code reader} reads from the payload {@code text}, or {@code null} when it gives up, when the payload
     * cannot be read as JSON, or once this is closed.
     */
    synchronized <T> T read(String text, Function<? super JsonParser, ? extends T> reader) {
        if (closed) {
            return null;
        }
        int length = encode(text);
        if (length < 0) {
            return null;
        }
        if (parser == null) {
            parser = PayloadTokens.open();
        }
        T value = null;
        try {
            parser.feed(bytes, length);
            value = reader.apply(parser);
        }
        catch (JacksonException unreadable) {
            // null: the caller reads the payload as a tree, which words the failure
        }
        finally {
            if (value == null || !parser.atEnd()) {
                close(parser);
            }
        }
        return value;
    }

    /** Closes the parser, giving its buffers back; later reads return {@code null}. */
    @Override
    public synchronized void close() {
        closed = true;
        if (parser != null) {
            close(parser);
        }
    }

    private void close(PayloadTokens open) {
        parser = null;
        open.close();
    }

    /**
     * Encodes {@code text} as UTF-8 into {@link #bytes}, followed by a space that ends a root number or literal
     * (the parser cannot know that it ends with the payload); the length, or -1 when the text holds an unpaired
     * surrogate, which has no UTF-8 form (the tree reader then decides what the payload means).
     */
    private int encode(String text) {
        int length = 0;
        int size = text.length();
        for (int i = 0; i < size; i++) {
            if (bytes.length - length < 5) {
                bytes = Arrays.copyOf(bytes, Math.max(MIN_BYTES, 2 * bytes.length));
            }
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes[length++] = (byte) c;
            }
            else if (c < 0x800) {
                bytes[length++] = (byte) (0xC0 | (c >> 6));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            }
            else if (!Character.isSurrogate(c)) {
                bytes[length++] = (byte) (0xE0 | (c >> 12));
                bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            }
            else if (Character.isHighSurrogate(c) && i + 1 < size && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                bytes[length++] = (byte) (0xF0 | (codePoint >> 18));
                bytes[length++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                bytes[length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (codePoint & 0x3F));
            }
            else {
                return -1;
            }
        }
        if (length == bytes.length) {
            // an empty payload; otherwise each character left room for at least one more byte
            bytes = new byte[MIN_BYTES];
        }
        bytes[length++] = ' ';
        return length;
    }
}
