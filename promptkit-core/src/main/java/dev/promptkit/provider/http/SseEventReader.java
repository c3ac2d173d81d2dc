package dev.promptkit.provider.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;

/**
 * Reads a {@code text/event-stream} body into {@link SseEvent}s by the WHATWG rules. Buffers may split
 * the stream anywhere, inside a line break or inside a multi-byte UTF-8 character; lines may end with
 * CRLF, LF or CR. A line longer than the limit fails the stream with a {@link LineTooLongException}
 * instead of buffering without bound. An event left unfinished when the body ends is dropped, as the
 * rules require. Each buffer is released once read.
 */
public final class SseEventReader {

    /** The default limit on the length of one line: 1 MiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    private final int maxLineBytes;

    public SseEventReader() {
        this(DEFAULT_MAX_LINE_BYTES);
    }

    public SseEventReader(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /** The events of one body; each subscription reads the body afresh. */
    public Flux<SseEvent> read(Flux<DataBuffer> body) {
        return Flux.defer(() -> {
            LineDecoder lines = new LineDecoder(maxLineBytes);
            SseEventAssembler events = new SseEventAssembler();
            return body.map(buffer -> dispatched(lines.feed(buffer), events))
                    .concatMapIterable(Function.identity());
        });
    }

    private static List<SseEvent> dispatched(List<String> lines, SseEventAssembler events) {
        List<SseEvent> dispatched = new ArrayList<>(1);
        for (String line : lines) {
            SseEvent event = events.accept(line);
            if (event != null) {
                dispatched.add(event);
            }
        }
        return dispatched;
    }
}
