/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.ProviderChunk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
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
 *
 * @since 0.1.0
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
            Framing framing = new Framing(maxLineBytes);
            return body.map(framing::events)
                    .concatWith(Mono.fromSupplier(framing::lastEvents))
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

    /**
     * The chunks {@code decoder} makes of the events of one body, handing it text outside the SSE framing in its
     * place among them, and ending with what {@link StreamDecoder#finish()} returns: one step per buffer from bytes
     * to chunks, rather than a stream of events and a second one of chunks. Events are decoded as their chunks are
     * taken, so what a failing event's predecessors made is delivered before its failure. The decoder is closed
     * when the chunks end, fail or are cancelled.
     */
    Flux<ProviderChunk> decode(Flux<DataBuffer> body, StreamDecoder<? super SseEvent> decoder) {
        return Flux.defer(() -> {
            Framing framing = new Framing(maxLineBytes);
            return body.map(buffer -> new DecodedChunks(framing.events(buffer), decoder, false))
                    .concatWith(Mono.fromSupplier(() -> new DecodedChunks(framing.lastEvents(), decoder, true)))
                    .concatMapIterable(Function.identity())
                    .doFinally(signal -> decoder.close());
        });
    }

    /** The chunks of some events, decoded one event at a time as they are iterated (once), then the end's. */
    private static final class DecodedChunks implements Iterable<ProviderChunk>, Iterator<ProviderChunk> {

        private final Iterator<SseEvent> events;
        private final StreamDecoder<? super SseEvent> decoder;
        private boolean last;
        private Iterator<ProviderChunk> pending = Collections.emptyIterator();

        DecodedChunks(List<SseEvent> events, StreamDecoder<? super SseEvent> decoder, boolean last) {
            this.events = events.iterator();
            this.decoder = decoder;
            this.last = last;
        }

        @Override
        public Iterator<ProviderChunk> iterator() {
            return this;
        }

        @Override
        public boolean hasNext() {
            while (!pending.hasNext()) {
                if (events.hasNext()) {
                    SseEvent item = events.next();
                    if (SseEventAssembler.isUnframed(item)) {
                        decoder.unframed(item.data());
                    }
                    else {
                        pending = decoder.decode(item).iterator();
                    }
                }
                else if (last) {
                    last = false;
                    pending = decoder.finish().iterator();
                }
                else {
                    return false;
                }
            }
            return true;
        }

        @Override
        public ProviderChunk next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return pending.next();
        }
    }

    /**
     * The framing state of one read: lines go from the decoder straight into the assembler as bytes. It is the
     * decoder's {@link LineDecoder.LineSink} itself, rather than a lambda, so that feeding a buffer allocates
     * only the list of what the buffer completes.
     */
    private static final class Framing implements LineDecoder.LineSink {

        private final LineDecoder lines;
        private final SseEventAssembler assembler;
        private List<SseEvent> completed;

        Framing(int maxLineBytes) {
            this.lines = new LineDecoder(maxLineBytes);
            this.assembler = new SseEventAssembler(maxLineBytes);
        }

        /** The events and unframed text that one buffer completes; releases the buffer. */
        List<SseEvent> events(DataBuffer buffer) {
            completed = new ArrayList<>(1);
            lines.feed(buffer, this);
            return completed;
        }

        /** What the end of the body completes: the unterminated last line and the unframed text left. */
        List<SseEvent> lastEvents() {
            completed = new ArrayList<>(1);
            lines.finish(this);
            assembler.finish(completed);
            return completed;
        }

        @Override
        public void line(byte[] bytes, int length) {
            assembler.accept(bytes, length, completed);
        }
    }
}
