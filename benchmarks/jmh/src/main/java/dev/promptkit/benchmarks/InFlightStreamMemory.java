/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks;

import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.openai.OpenAiProvider;
import dev.promptkit.types.Message;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;

/**
 * The heap one in-flight stream holds. Against a {@link LoopbackUpstream} that sends each response's first text
 * delta and then holds it, {@value #STREAMS} concurrent streams are opened; the heap used (after forced
 * collections) is read before and once all of them have their first chunk; then the responses are released and
 * every stream must complete. This runs twice: with a bare {@link BareChatCompletionsClient WebClient}, which
 * gives the cost of an open connection on both sides (client and in-process server), and with the real
 * {@link OpenAiProvider}; the difference is what the provider layer holds per stream. One stream run to its end
 * first, from an upstream that holds nothing, leaves warm what a running server has warm (Jackson's symbol
 * tables, which take the names a finished stream's parser met); one stream opened and held before the first
 * reading keeps the other one-off costs (pools, caches) out of the figures. Pooled Netty buffers are off-heap
 * and not counted. Traffic goes to 127.0.0.1 only, and the run gives up after {@link #TIME_LIMIT}.
 *
 * <pre>{@code java -cp benchmarks/jmh/target/benchmarks.jar dev.promptkit.benchmarks.InFlightStreamMemory}</pre>
 */
public final class InFlightStreamMemory {

    private static final int STREAMS = 1_000;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TIME_LIMIT = Duration.ofMinutes(2);
    private static final List<byte[]> EVENTS = ChatCompletionsStream.events(20);
    private static final ProviderRequest REQUEST = ProviderRequest.of(null, null, List.of(Message.user("Hello")));

    private InFlightStreamMemory() {
    }

    public static void main(String[] args) {
        giveUpAfter(TIME_LIMIT);
        try {
            System.out.printf("%,d concurrent streams to 127.0.0.1, each held after its first text delta%n", STREAMS);
            long bare = bytesPerStream("bare WebClient", baseUrl -> {
                BareChatCompletionsClient client = new BareChatCompletionsClient(baseUrl, STREAMS + 1);
                return new Client(() -> client.stream().doOnNext(DataBufferUtils::release), client::close);
            });
            long provider = bytesPerStream("OpenAiProvider", baseUrl -> {
                OpenAiProvider openAi = OpenAiProvider.builder().settings(HttpProviderSettings.builder()
                        .baseUrl(baseUrl).apiKey("bench").maxConnections(STREAMS + 1)
                        .idleTimeout(TIME_LIMIT).build()).build();
                return new Client(() -> openAi.stream(REQUEST), openAi::close);
            });
            System.out.printf("connection, client and server side (bare WebClient): %,d bytes per stream%n", bare);
            System.out.printf("provider layer (OpenAiProvider minus bare WebClient): %,d bytes per stream%n",
                    provider - bare);
            System.exit(0);
        }
        catch (RuntimeException | InterruptedException e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Holds {@value #STREAMS} streams of {@code clients} open, prints and returns the heap each one holds. */
    private static long bytesPerStream(String name, Function<String, Client> clients) throws InterruptedException {
        try (LoopbackUpstream whole = LoopbackUpstream.streaming(EVENTS);
                Client client = clients.apply(whole.baseUrl())) {
            InFlight.open(client, 1).awaitCompletion();
        }
        try (LoopbackUpstream upstream = LoopbackUpstream.holdingAfter(EVENTS, 2);
                Client client = clients.apply(upstream.baseUrl())) {
            InFlight warmUp = InFlight.open(client, 1);
            warmUp.awaitFirstChunks();
            long before = heapUsedAfterGc();
            InFlight streams = InFlight.open(client, STREAMS);
            streams.awaitFirstChunks();
            long after = heapUsedAfterGc();
            upstream.release();
            warmUp.awaitCompletion();
            streams.awaitCompletion();
            long perStream = (after - before) / STREAMS;
            System.out.printf("%-15s heap used %,d -> %,d bytes: %,d bytes per stream; all %,d streams completed%n",
                    name, before, after, perStream, STREAMS + 1);
            return perStream;
        }
    }

    private static long heapUsedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void giveUpAfter(Duration limit) {
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
                System.err.println("InFlightStreamMemory: not done after " + limit + "; giving up");
                Runtime.getRuntime().halt(2);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "time-limit");
        timer.setDaemon(true);
        timer.start();
    }

    /** Opens streams, and closes what it opened them with. */
    private record Client(Supplier<Flux<?>> streams, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }

    /** Streams opened together, counted as each delivers its first element and as each ends. */
    private static final class InFlight {
        private final CountDownLatch firstChunks;
        private final CountDownLatch ended;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        private InFlight(int count) {
            firstChunks = new CountDownLatch(count);
            ended = new CountDownLatch(count);
        }

        static InFlight open(Client client, int count) {
            InFlight inFlight = new InFlight(count);
            for (int i = 0; i < count; i++) {
                AtomicBoolean started = new AtomicBoolean();
                client.streams().get().subscribe(element -> {
                    if (started.compareAndSet(false, true)) {
                        inFlight.firstChunks.countDown();
                    }
                }, error -> {
                    inFlight.failure.compareAndSet(null, error);
                    inFlight.ended.countDown();
                }, inFlight.ended::countDown);
            }
            return inFlight;
        }

        void awaitFirstChunks() throws InterruptedException {
            await(firstChunks, "received their first chunk");
        }

        void awaitCompletion() throws InterruptedException {
            await(ended, "ended");
            if (failure.get() != null) {
                throw new IllegalStateException("a stream failed instead of completing", failure.get());
            }
        }

        private void await(CountDownLatch latch, String what) throws InterruptedException {
            if (!latch.await(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException(latch.getCount() + " streams had not " + what + " after "
                        + STEP_TIMEOUT, failure.get());
            }
        }
    }
}
