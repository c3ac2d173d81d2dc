package dev.promptkit.provider.http;

import java.util.List;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a newline-delimited JSON body ({@code application/x-ndjson}, as Ollama streams) into one
 * string per JSON value, with the same guarantees as {@link SseEventReader}: buffers may split the
 * stream anywhere, lines are bounded, and each buffer is released once read. Blank lines are skipped;
 * a last line without a line break is kept. Parsing the JSON is left to the provider.
 */
public final class NdjsonReader {

    private final int maxLineBytes;

    public NdjsonReader() {
        this(SseEventReader.DEFAULT_MAX_LINE_BYTES);
    }

    public NdjsonReader(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /** The JSON lines of one body; each subscription reads the body afresh. */
    public Flux<String> read(Flux<DataBuffer> body) {
        return Flux.defer(() -> {
            LineDecoder lines = new LineDecoder(maxLineBytes);
            return body.map(lines::feed)
                    .concatMapIterable(Function.<List<String>>identity())
                    .concatWith(Mono.fromSupplier(lines::finish))
                    .filter(line -> !line.isBlank());
        });
    }
}
