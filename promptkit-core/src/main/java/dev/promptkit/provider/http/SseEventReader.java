package dev.promptkit.provider.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a {@code text/event-stream} body into {@link SseEvent}s by the WHATWG rules. Buffers may split
 * the stream anywhere, inside a line break or inside a multi-byte UTF-8 character; lines may end with
 * CRLF, LF or CR. A line longer than the limit fails the stream with a {@link LineTooLongException}
 * instead of buffering without bound. An event left unfinished when the body ends is dropped, as the
 * rules require. Each buffer is released once read.
 *
 * <p>Lines that are neither fields the rules define nor comments are no SSE at all, but some servers write
 * an error that way, as a bare JSON object in the middle of the stream. They are ignored, unless a reader of
 * such text is given: it then gets each run of them, up to the next blank line or the end of the body.
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
        return read(body, unframed -> {
        });
    }

    /**
     * The events of one body, handing text outside the SSE framing to {@code unframed} in its place among
     * them; what {@code unframed} throws fails the stream.
     */
    public Flux<SseEvent> read(Flux<DataBuffer> body, Consumer<String> unframed) {
        return Flux.defer(() -> {
            LineDecoder lines = new LineDecoder(maxLineBytes);
            SseEventAssembler events = new SseEventAssembler(maxLineBytes);
            return body.map(buffer -> assembled(lines.feed(buffer), events))
                    .concatWith(Mono.fromSupplier(() -> {
                        List<SseEvent> last = new ArrayList<>(1);
                        events.finish(lines.finish(), last);
                        return last;
                    }))
                    .concatMapIterable(Function.identity())
                    .handle((item, sink) -> {
                        if (SseEventAssembler.isUnframed(item)) {
                            unframed.accept(item.data());
                        }
                        else {
                            sink.next(item);
                        }
                    });
        });
    }

    private static List<SseEvent> assembled(List<String> lines, SseEventAssembler events) {
        List<SseEvent> assembled = new ArrayList<>(1);
        for (String line : lines) {
            events.accept(line, assembled);
        }
        return assembled;
    }
}
