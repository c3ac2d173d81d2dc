/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 *
 * @since 0.1.0
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
            Lines lines = new Lines(maxLineBytes);
            return body.map(lines::feed)
                    .concatWith(Mono.fromSupplier(lines::finish))
                    .concatMapIterable(Function.<List<String>>identity());
        });
    }

    /** The non-blank lines of one read, each decoded once from the decoder's bytes. */
    private static final class Lines implements LineDecoder.LineSink {

        private final LineDecoder decoder;
        private List<String> completed;

        Lines(int maxLineBytes) {
            this.decoder = new LineDecoder(maxLineBytes);
        }

        /** The lines one buffer completes; releases the buffer. */
        List<String> feed(DataBuffer buffer) {
            completed = new ArrayList<>(1);
            decoder.feed(buffer, this);
            return completed;
        }

        /** The unterminated last line, if any. */
        List<String> finish() {
            completed = new ArrayList<>(1);
            decoder.finish(this);
            return completed;
        }

        @Override
        public void line(byte[] bytes, int length) {
            String line = new String(bytes, 0, length, StandardCharsets.UTF_8);
            if (!line.isBlank()) {
                completed.add(line);
            }
        }
    }
}
