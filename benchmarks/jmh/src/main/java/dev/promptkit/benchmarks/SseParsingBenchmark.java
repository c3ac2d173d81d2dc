/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks;

import dev.promptkit.provider.http.SseEventReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;

/**
 * The SSE framing of every HTTP provider on its own: a streamed OpenAI answer of {@value #DELTAS} text deltas
 * (about 300 bytes per event) read by {@link SseEventReader} from buffers of {@code bufferBytes} bytes (64: a
 * network that splits events, 0: one buffer per event, as most reads come, 16384: many events per read). The
 * score is per event; run with {@code -prof gc} for bytes allocated per event.
 *
 * <pre>java -jar benchmarks/jmh/target/benchmarks.jar SseParsingBenchmark -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class SseParsingBenchmark {

    static final int DELTAS = 200;
    /** The events of one answer: the role, the deltas, the finish reason, the usage and [DONE]. */
    static final int EVENTS = DELTAS + 4;

    @Param({ "64", "0", "16384" })
    public int bufferBytes;

    private final SseEventReader reader = new SseEventReader();
    private List<byte[]> pieces;

    @Setup
    public void split() {
        pieces = bufferBytes == 0 ? ChatCompletionsStream.events(DELTAS) : chunks(ChatCompletionsStream.body(DELTAS),
                bufferBytes);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long readEvents() {
        // fresh buffers per read, as the network hands them over
        Flux<DataBuffer> body = Flux.fromIterable(pieces).map(DefaultDataBufferFactory.sharedInstance::wrap);
        return reader.read(body).count().block();
    }

    private static List<byte[]> chunks(byte[] body, int size) {
        List<byte[]> chunks = new ArrayList<>();
        for (int start = 0; start < body.length; start += size) {
            chunks.add(Arrays.copyOfRange(body, start, Math.min(body.length, start + size)));
        }
        return chunks;
    }
}
