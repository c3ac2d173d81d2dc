package dev.promptkit.provider.http;

/**
 * Interprets SSE lines by the WHATWG "event stream interpretation" rules: fields {@code event},
 * {@code data}, {@code id} (a value holding NUL is ignored); {@code retry} and unknown fields are
 * ignored, as are comment lines starting with {@code :}; one space after the colon is dropped; a blank
 * line dispatches the event, unless it has no data; a leading byte order mark is skipped. Not
 * thread-safe: one instance per stream.
 */
final class SseEventAssembler {

    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String eventType;
    private String lastEventId;
    private boolean firstLine = true;

    /** Takes one line (without its terminator) and returns the event it dispatches, or {@code null}. */
    SseEvent accept(String line) {
        if (firstLine) {
            firstLine = false;
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
        }
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.charAt(0) == ':') {
            return null;
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
            default -> {
                // "retry" and unknown fields carry nothing a provider stream needs
            }
        }
        return null;
    }

    private SseEvent dispatch() {
        String type = eventType == null || eventType.isEmpty() ? SseEvent.DEFAULT_EVENT : eventType;
        eventType = null;
        if (!hasData) {
            return null;
        }
        SseEvent event = new SseEvent(type, data.toString(), lastEventId);
        data.setLength(0);
        hasData = false;
        return event;
    }
}
