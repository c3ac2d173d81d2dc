/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks;

import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.openai.OpenAiProvider;
import dev.promptkit.types.Message;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The provider layer's own cost per streamed chunk: the real {@link OpenAiProvider} (request encoding, SSE
 * framing, JSON decoding, chunk mapping, concurrency limit, retry and idle timeout) streaming a
 * {@value #CHUNKS}-delta answer from a {@link LoopbackUpstream} that sends it without delay, against a bare
 * {@link BareChatCompletionsClient WebClient} reading the same body as raw buffers from the same upstream. The
 * difference is the provider layer's cost; both figures include the in-process server's. The upstream writes
 * and flushes each event on its own, as OpenAI streams ({@code upstreamWrites=event}), or the whole body at once
 * ({@code body}: few socket reads, so that parsing dominates). Run with {@code -prof gc} for bytes allocated per
 * chunk (on every thread: client, server and event loops).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class ProviderLayerBenchmark {

    static final int CHUNKS = 200;

    @Param({ "event", "body" })
    public String upstreamWrites;

    private final ProviderRequest request = ProviderRequest.of(null, null, List.of(Message.user("Hello")));
    private LoopbackUpstream upstream;
    private OpenAiProvider provider;
    private BareChatCompletionsClient bare;

    /** Starts the upstream and both clients, and checks that both read the whole answer. */
    @Setup(Level.Trial)
    public void start() {
        List<byte[]> events = ChatCompletionsStream.events(CHUNKS);
        upstream = LoopbackUpstream.streaming(upstreamWrites.equals("event") ? events
                : List.of(ChatCompletionsStream.body(CHUNKS)));
        provider = OpenAiProvider.builder()
                .settings(HttpProviderSettings.builder().baseUrl(upstream.baseUrl()).apiKey("bench").build()).build();
        bare = new BareChatCompletionsClient(upstream.baseUrl(), 16);

        List<ProviderChunk> answer = provider.stream(request).collectList().block();
        long texts = answer.stream().filter(ProviderChunk::isText).count();
        if (texts != CHUNKS || !answer.get(answer.size() - 1).isFinish()) {
            throw new IllegalStateException("the provider read " + texts + " text chunks of " + CHUNKS + ": " + answer);
        }
        int bodyLength = events.stream().mapToInt(event -> event.length).sum();
        if (bare.bodyLength().block() != bodyLength) {
            throw new IllegalStateException("the bare client did not read the whole " + bodyLength + "-byte body");
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        provider.close();
        bare.close();
        upstream.close();
    }

    @Benchmark
    @OperationsPerInvocation(CHUNKS)
    public ProviderChunk openAiProviderPerChunk() {
        return provider.stream(request).blockLast();
    }

    @Benchmark
    @OperationsPerInvocation(CHUNKS)
    public Integer bareWebClientPerChunk() {
        return bare.bodyLength().block();
    }
}
