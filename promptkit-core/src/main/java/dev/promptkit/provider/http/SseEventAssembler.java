/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Interprets SSE lines by the WHATWG "event stream interpretation" rules: fields {@code event},
 * {@code data}, {@code id} (a value holding NUL is ignored); {@code retry} is ignored, as are comment lines
 * starting with {@code :}; one space after the colon is dropped; a blank line dispatches the event, unless it
 * has no data; a leading byte order mark is skipped. Not thread-safe: one instance per stream.
 *
 * <p>Lines of unknown fields, which the rules ignore, are collected (up to a limit) and put out at the next
 * blank line or at the end, in order with the events, as one {@linkplain #isUnframed unframed} item whose
 * data is their text.
 *
 * <p>Lines arrive as UTF-8 bytes and are interpreted as bytes: the field names and separators are ASCII,
 * and no byte of a multi-byte UTF-8 sequence is ASCII, so this finds the same fields as interpreting the
 * decoded text would. The data lines of an event are gathered as bytes (joined with {@code \n}) in one reused
 * array and decoded once at dispatch, so an event costs one {@code String} for its data, however many lines it
 * has; decoding the joined bytes gives the same text as joining the decoded lines, since {@code \n} never
 * occurs inside a UTF-8 sequence.
 */
final class SseEventAssembler {

    private static final byte[] BYTE_ORDER_MARK = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
    private static final byte[] EVENT = ascii("event");
    private static final byte[] DATA = ascii("data");
    private static final byte[] ID = ascii("id");
    private static final byte[] RETRY = ascii("retry");

    private final int maxUnframedChars;
    private final StringBuilder unframedText = new StringBuilder();
    private byte[] data = new byte[256];
    private int dataLength;
    private boolean hasData;
    private String eventType;
    private String lastEventId;
    private boolean firstLine = true;

    SseEventAssembler(int maxUnframedChars) {
        this.maxUnframedChars = maxUnframedChars;
    }

    /** Whether an item is text outside the framing rather than an event. */
    static boolean isUnframed(SseEvent item) {
        return item.event() == null;
    }

    /**
     * Takes one line (without its terminator) as the UTF-8 bytes {@code line[0..length)} and adds what it
     * completes to {@code out}. The bytes are not kept.
     */
    void accept(byte[] line, int length, List<SseEvent> out) {
        int start = 0;
        if (firstLine) {
            firstLine = false;
            if (startsWith(line, 0, length, BYTE_ORDER_MARK)) {
                start = BYTE_ORDER_MARK.length;
            }
        }
        if (start == length) {
            flushUnframed(out);
            dispatch(out);
            return;
        }
        if (line[start] == ':') {
            return;
        }
        int colon = indexOf(line, start, length, (byte) ':');
        int fieldEnd = colon < 0 ? length : colon;
        int valueStart = colon < 0 ? length : colon + 1;
        if (valueStart < length && line[valueStart] == ' ') {
            valueStart++;
        }
        if (isField(line, start, fieldEnd, DATA)) {
            appendData(line, valueStart, length);
        }
        else if (isField(line, start, fieldEnd, EVENT)) {
            eventType = new String(line, valueStart, length - valueStart, StandardCharsets.UTF_8);
        }
        else if (isField(line, start, fieldEnd, ID)) {
            if (indexOf(line, valueStart, length, (byte) 0) < 0) {
                lastEventId = new String(line, valueStart, length - valueStart, StandardCharsets.UTF_8);
            }
        }
        else if (!isField(line, start, fieldEnd, RETRY)) {
            // retry is ignored: reconnection delays do not apply to a POST that is never resumed
            collectUnframed(new String(line, start, length - start, StandardCharsets.UTF_8));
        }
    }

    /**
     * Adds the unframed text still collected to {@code out}; call at the end of the stream, after handing over
     * its unterminated last line, if any.
     */
    void finish(List<SseEvent> out) {
        flushUnframed(out);
    }

    private void appendData(byte[] line, int from, int to) {
        int needed = dataLength + (hasData ? 1 : 0) + (to - from);
        if (needed > data.length) {
            data = Arrays.copyOf(data, Math.max(needed, 2 * data.length));
        }
        if (hasData) {
            data[dataLength++] = '\n';
        }
        System.arraycopy(line, from, data, dataLength, to - from);
        dataLength = needed;
        hasData = true;
    }

    private void dispatch(List<SseEvent> out) {
        String type = eventType == null || eventType.isEmpty() ? SseEvent.DEFAULT_EVENT : eventType;
        eventType = null;
        if (!hasData) {
            return;
        }
        out.add(new SseEvent(type, new String(data, 0, dataLength, StandardCharsets.UTF_8), lastEventId));
        dataLength = 0;
        hasData = false;
    }

    private void collectUnframed(String line) {
        if (unframedText.length() + line.length() < maxUnframedChars) {
            unframedText.append(line).append('\n');
        }
    }

    private void flushUnframed(List<SseEvent> out) {
        if (!unframedText.isEmpty()) {
            out.add(new SseEvent(null, unframedText.toString(), null));
            unframedText.setLength(0);
        }
    }

    private static boolean isField(byte[] line, int from, int to, byte[] name) {
        return to - from == name.length && startsWith(line, from, to, name);
    }

    private static boolean startsWith(byte[] line, int from, int to, byte[] prefix) {
        return to - from >= prefix.length && Arrays.equals(line, from, from + prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] line, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (line[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] ascii(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }
}
