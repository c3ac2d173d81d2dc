/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.StreamChunk;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.tool.ToolBinding;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Mono;

/**
 * What one request of the load benchmark costs PromptKit beyond the network: a conversation opened from a shared
 * {@link Conversations} (as a web app opens one per request) and one tool-calling turn on the mock provider (a
 * streamed tool call whose arguments are checked against the tool's JSON Schema, the tool, then a 30-chunk answer),
 * stored in memory. Run with {@code -prof gc}: the bytes per turn do not depend on the machine's load.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class ConversationTurnBenchmark {

    private static final String PACK = """
            {"id": "bench", "name": "Bench", "version": "1.0.0",
             "template_engine": {"version": "v1", "syntax": "{{variable}}"},
             "prompts": {"chat": {"id": "chat", "name": "Chat", "version": "1.0.0",
               "system_template": "You are a helpful assistant. Use lookup_order to check an order.",
               "tools": ["lookup_order"], "parameters": {"temperature": 0.7, "max_tokens": 256}}},
             "tools": {"lookup_order": {"name": "lookup_order", "description": "Look up an order by its id.",
               "parameters": {"type": "object", "properties": {"order_id": {"type": "string"}},
                 "required": ["order_id"]}}}}
            """;
    private static final String SCRIPT = """
            rules:
              - match: "order"
                response:
                  tool_calls: [{name: lookup_order, arguments: {order_id: "12345"}}]
                after_tools: "%s"
            """.formatted("Your order 12345 has shipped and should arrive on Thursday. ".repeat(5).trim());

    private Conversations conversations;

    @Setup
    public void setUp() {
        MockProvider provider = MockProvider.builder().script(MockScript.parse(SCRIPT)).chunkSize(10).build();
        Pack pack = PackLoader.load(new ByteArrayInputStream(PACK.getBytes(StandardCharsets.UTF_8)), "bench.pack.json");
        conversations = Conversations.builder().pack("bench", pack)
                .options(ConversationOptions.builder().provider(provider).stateStore(new InMemoryStateStore())
                        .tools(tools -> tools.withBinding("lookup_order", ToolBinding.of(
                                (call, context) -> Mono.just("{\"status\":\"shipped\",\"eta\":\"Thursday\"}"),
                                "benchmark")))
                        .build())
                .build();
    }

    @Benchmark
    public StreamChunk openAndToolCallingTurn() {
        return conversations.open("chat").stream("Where is my order 12345?").blockLast();
    }
}
