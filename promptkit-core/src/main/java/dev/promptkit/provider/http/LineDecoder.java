package dev.promptkit.provider.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Splits a byte stream into lines at CRLF, LF or CR, wherever the buffer boundaries fall. Lines are
 * decoded as UTF-8 only once complete, so a multi-byte character split across buffers decodes
 * correctly (a line break byte never occurs inside a UTF-8 sequence). Not thread-safe: one instance
 * per stream.
 */
final class LineDecoder {

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

    /** Feeds one buffer, releases it, and returns the lines it completed. */
    List<String> feed(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return feed(bytes);
        }
        finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** Feeds bytes and returns the lines they completed. */
    List<String> feed(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        for (byte b : bytes) {
            boolean lfAfterCr = afterCarriageReturn && b == '\n';
            afterCarriageReturn = b == '\r';
            if (lfAfterCr) {
                continue;
            }
            if (b == '\n' || b == '\r') {
                lines.add(takeLine());
            }
            else {
                append(b);
            }
        }
        return lines;
    }

    /** The unterminated last line, or {@code null} when the stream ended with a line break. */
    String finish() {
        return length == 0 ? null : takeLine();
    }

    private void append(byte b) {
        if (length == maxLineBytes) {
            throw new LineTooLongException(maxLineBytes);
        }
        if (length == line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, 2L * line.length));
        }
        line[length++] = b;
    }

    private String takeLine() {
        String text = new String(line, 0, length, StandardCharsets.UTF_8);
        length = 0;
        return text;
    }
}
