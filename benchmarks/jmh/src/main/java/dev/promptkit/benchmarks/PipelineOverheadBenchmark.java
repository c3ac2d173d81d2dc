/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.StreamChunk;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.types.Message;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pipeline's own cost per streamed chunk: a whole turn (state load, variables, prompt assembly,
 * template, provider, state save, the SDK's chunk mapping) streaming {@value #CHUNKS} chunks from a
 * zero-latency mock provider, against the mock provider streaming the same chunks alone. The
 * difference is the pipeline's overhead. Run with {@code -prof gc} for allocated bytes per chunk.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class PipelineOverheadBenchmark {

    static final int CHUNKS = 200;
    private static final int CHUNK_SIZE = 10;

    private static final String PACK = """
            {"id": "bench", "name": "Bench", "version": "1.0.0",
             "template_engine": {"version": "v1", "syntax": "{{variable}}"},
             "prompts": {"chat": {"id": "chat", "name": "Chat", "version": "1.0.0",
               "system_template": "You are {{role}}. Answer briefly.",
               "variables": [{"name": "role", "type": "string", "required": false, "default": "a helpful assistant"}],
               "parameters": {"temperature": 0.7, "max_tokens": 256}}}}
            """;

    private MockProvider provider;
    private Conversations conversations;
    private Conversation conversation;
    private ProviderRequest providerOnlyRequest;

    @Setup(Level.Trial)
    public void setUpTrial() {
        String answer = "x".repeat(CHUNKS * CHUNK_SIZE);
        provider = MockProvider.builder().script(MockScript.parse("defaultResponse: " + answer))
                .chunkSize(CHUNK_SIZE).build();
        Pack pack = PackLoader.load(new ByteArrayInputStream(PACK.getBytes(StandardCharsets.UTF_8)), "bench.pack.json");
        conversations = Conversations.builder().pack("bench", pack)
                .options(ConversationOptions.builder().provider(provider).stateStore(new InMemoryStateStore()).build())
                .build();
        providerOnlyRequest = ProviderRequest.of("mock-model", "You are a helpful assistant. Answer briefly.",
                List.of(Message.user("Hello")));
    }

    /** A fresh conversation per turn, so that history does not grow across invocations. */
    @Setup(Level.Invocation)
    public void openConversation() {
        conversation = conversations.open("chat");
    }

    @Benchmark
    @OperationsPerInvocation(CHUNKS)
    public StreamChunk fullPipelinePerChunk() {
        return conversation.stream("Hello").blockLast();
    }

    @Benchmark
    @OperationsPerInvocation(CHUNKS)
    public Object mockProviderAlonePerChunk() {
        return provider.stream(providerOnlyRequest).blockLast();
    }
}
