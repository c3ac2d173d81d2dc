/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Splits a byte stream into lines at CRLF, LF or CR, wherever the buffer boundaries fall, and hands each
 * complete line to a {@link LineSink} as bytes. Lines stay bytes so that the caller decodes as UTF-8 only
 * what it keeps, once, and only once complete, so a multi-byte character split across buffers decodes
 * correctly (a line break byte never occurs inside a UTF-8 sequence). Not thread-safe: one instance per
 * stream.
 *
 * <p>This class sits on the hot path of every streamed chunk, so it allocates nothing per line or per
 * buffer: the bytes of a buffer are copied straight from the buffer's memory into one reused line array, in
 * runs between line breaks, instead of into a fresh array per buffer and a {@code String} per line.
 */
final class LineDecoder {

    /** Receives the lines of a stream. */
    interface LineSink {

        /**
         * Takes one complete line without its terminator: {@code bytes[0..length)}. The array is reused for
         * the next line, so copy or decode what is needed before returning.
         */
        void line(byte[] bytes, int length);
    }

    private final int maxLineBytes;
    private byte[] line = new byte[256];
    private int length;
    private boolean afterCarriageReturn;

    LineDecoder(int maxLineBytes) {
        if (maxLineBytes <= 0) {
            throw new IllegalArgumentException("maxLineBytes must be positive");
        }
        this.maxLineBytes = maxLineBytes;
    }

    /** Feeds one buffer, hands the lines it completes to {@code sink}, and releases it, even on failure. */
    void feed(DataBuffer buffer, LineSink sink) {
        try (DataBuffer.ByteBufferIterator parts = buffer.readableByteBuffers()) {
            while (parts.hasNext()) {
                feed(parts.next(), sink);
            }
        }
        finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** Feeds the remaining bytes of {@code bytes} (moving its position) and hands the lines they complete to {@code sink}. */
    void feed(ByteBuffer bytes, LineSink sink) {
        while (bytes.hasRemaining()) {
            int position = bytes.position();
            if (afterCarriageReturn) {
                // the LF of a CRLF whose CR ended the previous line (maybe in the previous buffer)
                afterCarriageReturn = false;
                if (bytes.get(position) == '\n') {
                    bytes.position(position + 1);
                    continue;
                }
            }
            int end = position;
            int limit = bytes.limit();
            while (end < limit && !isLineBreak(bytes.get(end))) {
                end++;
            }
            append(bytes, end - position);
            if (end < limit) {
                afterCarriageReturn = bytes.get() == '\r';
                sink.line(line, length);
                length = 0;
            }
        }
    }

    /** Hands the unterminated last line, if any, to {@code sink}; a stream ending with a line break has none. */
    void finish(LineSink sink) {
        if (length > 0) {
            sink.line(line, length);
            length = 0;
        }
    }

    private static boolean isLineBreak(byte b) {
        return b == '\n' || b == '\r';
    }

    /** Copies the next {@code count} bytes of {@code bytes} onto the current line, within the limit. */
    private void append(ByteBuffer bytes, int count) {
        if (count > maxLineBytes - length) {
            throw new LineTooLongException(maxLineBytes);
        }
        int needed = length + count;
        if (needed > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(needed, 2L * line.length)));
        }
        bytes.get(line, length, count);
        length = needed;
    }
}
