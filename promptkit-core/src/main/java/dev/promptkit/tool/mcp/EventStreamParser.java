/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes of a {@code text/event-stream} body into events, as the WHATWG rules say for the fields an MCP
 * server uses: {@code event} and {@code data} (one space after the colon dropped, data lines joined with
 * {@code \n}, the type {@code message} when none is named); comments, {@code id}, {@code retry} and unknown fields
 * are ignored, and a blank line dispatches an event that has data. Lines may end with LF, CRLF or CR, and chunks
 * may split them anywhere, inside a UTF-8 character too: a line is decoded only once complete. An event larger
 * than the limit fails the stream rather than being buffered without bound. The bytes are read straight from the
 * buffers, never through a codec that would log them. One instance per stream; not thread-safe.
 *
 * <p>The chat providers have a reader of their own, in a package this one cannot depend on.
 */
final class EventStreamParser {

    /** One dispatched event. */
    record Event(String type, String data) {
    }

    private static final String DEFAULT_TYPE = "message";

    private final int maxEventBytes;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String type;
    private boolean afterCarriageReturn;
    private int eventBytes;

    EventStreamParser(int maxEventBytes) {
        this.maxEventBytes = maxEventBytes;
    }

    /**
     * The events that {@code chunk} completes; reads it without releasing it.
     *
     * @throws EventTooLargeException when an event grows over the limit
     */
    List<Event> feed(ByteBuf chunk) {
        List<Event> completed = new ArrayList<>(1);
        while (chunk.isReadable()) {
            byte next = chunk.readByte();
            if (next == '\n' && afterCarriageReturn) {
                afterCarriageReturn = false;
                continue;
            }
            afterCarriageReturn = next == '\r';
            if (next == '\n' || next == '\r') {
                endLine(completed);
            }
            else {
                if (++eventBytes > maxEventBytes) {
                    throw new EventTooLargeException(maxEventBytes);
                }
                line.write(next);
            }
        }
        return completed;
    }

    private void endLine(List<Event> completed) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.isEmpty()) {
            if (hasData) {
                completed.add(new Event(type == null || type.isEmpty() ? DEFAULT_TYPE : type, data.toString()));
            }
            data.setLength(0);
            hasData = false;
            type = null;
            eventBytes = 0;
            return;
        }
        int colon = text.indexOf(':');
        if (colon == 0) {
            return;
        }
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(text.startsWith(" ", colon + 1) ? colon + 2 : colon + 1);
        if ("data".equals(field)) {
            if (hasData) {
                data.append('\n');
            }
            data.append(value);
            hasData = true;
        }
        else if ("event".equals(field)) {
            type = value;
        }
    }

    /** An event over the size limit. */
    static final class EventTooLargeException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        EventTooLargeException(int maxEventBytes) {
            super("an event of more than " + maxEventBytes + " bytes");
        }
    }
}
