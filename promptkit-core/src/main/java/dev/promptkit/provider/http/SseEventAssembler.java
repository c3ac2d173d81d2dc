package dev.promptkit.provider.http;

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
 */
final class SseEventAssembler {

    private final int maxUnframedChars;
    private final StringBuilder unframedText = new StringBuilder();
    private final StringBuilder data = new StringBuilder();
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

    /** Takes one line (without its terminator) and adds what it completes to {@code out}. */
    void accept(String line, List<SseEvent> out) {
        if (firstLine) {
            firstLine = false;
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
        }
        if (line.isEmpty()) {
            flushUnframed(out);
            dispatch(out);
            return;
        }
        if (line.charAt(0) == ':') {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> eventType = value;
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
            }
            case "retry" -> {
                // reconnection delays do not apply to a POST that is never resumed
            }
            default -> collectUnframed(line);
        }
    }

    /** Takes the unterminated last line, if any, and adds the unframed text still collected to {@code out}. */
    void finish(String lastLine, List<SseEvent> out) {
        if (lastLine != null) {
            accept(lastLine, out);
        }
        flushUnframed(out);
    }

    private void dispatch(List<SseEvent> out) {
        String type = eventType == null || eventType.isEmpty() ? SseEvent.DEFAULT_EVENT : eventType;
        eventType = null;
        if (!hasData) {
            return;
        }
        out.add(new SseEvent(type, data.toString(), lastEventId));
        data.setLength(0);
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
}
