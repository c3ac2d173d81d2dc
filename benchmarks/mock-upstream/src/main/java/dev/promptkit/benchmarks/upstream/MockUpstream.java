/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.upstream;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAI-compatible mock upstream for the load benchmark, on Reactor Netty.
 *
 * <ul>
 * <li>{@code POST /v1/chat/completions}: when no message has {@code role: tool}, streams a {@code lookup_order}
 * tool call as {@code delta.tool_calls} (also to streaming requests, unlike the Go original's mock, so every
 * framework runs the tool round); otherwise streams the profile's answer chunks. The last chunk carries usage,
 * then {@code data: [DONE]}. A {@code "stream": false} request gets the same content as one JSON completion.</li>
 * <li>{@code POST /tool}: waits the profile's tool delay, then returns a fixed order.</li>
 * <li>{@code GET /health}, {@code GET /stats}: liveness, request counts, what the server did to its connections
 * and the faults injected.</li>
 * </ul>
 * With {@code --ceiling-port P} it also serves the zero-hop ceiling, {@code POST /chat} on that port
 * ({@link ZeroHopChat}).
 *
 * Every delay is a Reactor timer; nothing blocks an event loop.
 *
 * <p>Faults (for the soak test; both 0 by default, when the mock behaves as above), drawn at random per
 * {@code /v1/chat/completions} request, streamed or not:
 * <ul>
 * <li>{@code --fail-before-first-chunk F}: a fraction F of requests get HTTP 503 with an OpenAI-style error
 * body, before any chunk.</li>
 * <li>{@code --reset-mid-stream F}: a fraction F of streamed requests get between one and all but one of
 * their chunks, then the connection is reset (TCP RST: {@code SO_LINGER} 0, then close), with neither
 * {@code data: [DONE]} nor the end of the chunked body, so the client sees a broken stream.</li>
 * </ul>
 * A request gets at most one fault: the 503 is drawn first. {@code /stats} counts both
 * ({@code injected_503}, {@code injected_resets}).
 *
 * <p>Its connections are treated as a {@link ServerConnectionPolicy} says ({@code --max-idle-connections N},
 * {@code --idle-timeout-seconds S}, {@code --max-requests-per-connection N}, {@code --reset-after-accept F}; all off
 * by default): real servers close idle keep-alive connections and reset some.
 *
 * <p>Usage: {@code java -jar mock-upstream.jar [--port 18081] [--profile fast|realistic]
 * [--fail-before-first-chunk 0.05] [--reset-mid-stream 0.01] [--max-idle-connections 200]
 * [--idle-timeout-seconds 30] [--max-requests-per-connection 1000] [--reset-after-accept 0.001]
 * [--ceiling-port 18082]} (or {@code MOCK_PORT}, {@code MOCK_PROFILE}).
 */
public final class MockUpstream {

    /** Timings of one profile, as in the Go original's {@code profiles/*.yaml}. */
    record Profile(String name, int chunkCount, Duration firstChunkDelay, Duration interChunkDelay, Duration toolDelay) {

        static Profile named(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "fast" -> new Profile("fast", 10, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10));
                case "realistic" -> new Profile("realistic", 30, Duration.ofMillis(200), Duration.ofMillis(30),
                        Duration.ofMillis(500));
                default -> throw new IllegalArgumentException("Unknown profile '" + name + "': fast or realistic");
            };
        }
    }

    static final String TOOL_RESULT = "{\"order_id\":\"12345\",\"status\":\"shipped\",\"eta\":\"2026-04-10\"}";
    static final String TOOL_CALL_ID = "call_bench_1";
    /** The tool call's arguments, streamed in two pieces as real upstreams split them. */
    static final List<String> TOOL_ARGUMENT_PIECES = List.of("{\"order_id\":", "\"12345\"}");
    private static final String ID = "chatcmpl-bench";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The OpenAI-style body of an injected 503. */
    static final String OVERLOADED = "{\"error\":{\"message\":\"The server is overloaded, please retry (injected by the "
            + "mock upstream)\",\"type\":\"server_error\",\"param\":null,\"code\":\"service_unavailable\"}}";

    private final Profile profile;
    private final double failBeforeFirstChunk;
    private final double resetMidStream;
    private final AtomicLong completions = new AtomicLong();
    private final AtomicLong toolCalls = new AtomicLong();
    private final AtomicLong injected503 = new AtomicLong();
    private final AtomicLong injectedResets = new AtomicLong();
    private final AtomicLong answersAfterFailedTool = new AtomicLong();
    private final ServerConnectionPolicy connections;
    private final ZeroHopChat ceiling;

    MockUpstream(Profile profile) {
        this(profile, 0, 0, ServerConnectionPolicy.keepEverything());
    }

    MockUpstream(Profile profile, double failBeforeFirstChunk, double resetMidStream,
            ServerConnectionPolicy connections) {
        if (!(failBeforeFirstChunk >= 0 && failBeforeFirstChunk <= 1 && resetMidStream >= 0 && resetMidStream <= 1)) {
            throw new IllegalArgumentException("fault fractions are between 0 and 1, were " + failBeforeFirstChunk
                    + " and " + resetMidStream);
        }
        this.profile = profile;
        this.failBeforeFirstChunk = failBeforeFirstChunk;
        this.resetMidStream = resetMidStream;
        this.connections = connections;
        this.ceiling = new ZeroHopChat(profile, toolCallEvents().size());
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(option(args, "--port", env("MOCK_PORT", "18081")));
        String host = option(args, "--host", env("MOCK_HOST", "127.0.0.1"));
        Profile profile = Profile.named(option(args, "--profile", env("MOCK_PROFILE", "fast")));
        double fail503 = Double.parseDouble(option(args, "--fail-before-first-chunk", "0"));
        double reset = Double.parseDouble(option(args, "--reset-mid-stream", "0"));
        ServerConnectionPolicy connections = new ServerConnectionPolicy(
                Integer.parseInt(option(args, "--max-idle-connections", "0")),
                Duration.ofMillis(Math.round(1000 * Double.parseDouble(option(args, "--idle-timeout-seconds", "0")))),
                Integer.parseInt(option(args, "--max-requests-per-connection", "0")),
                Double.parseDouble(option(args, "--reset-after-accept", "0")), new ServerConnectionPolicy.Counters());
        MockUpstream mock = new MockUpstream(profile, fail503, reset, connections);
        DisposableServer server = mock.start(host, port);
        System.out.printf("mock upstream: profile %s on http://%s:%d (chat /v1/chat/completions, tool /tool); "
                + "faults: 503 before the first chunk %s, reset mid-stream %s; connections: %s%n", profile, host,
                server.port(), fail503, reset, connections.changesAnything() ? connections : "all kept");
        String ceilingPort = option(args, "--ceiling-port", null);
        if (ceilingPort != null) {
            DisposableServer ceilingServer = mock.ceiling.start(host, Integer.parseInt(ceilingPort));
            System.out.printf("zero-hop ceiling: POST http://%s:%d/chat%n", host, ceilingServer.port());
        }
        server.onDispose().block();
    }

    DisposableServer start(String host, int port) {
        return HttpServer.create().host(host).port(port)
                .doOnChannelInit((observer, channel, remote) -> {
                    if (connections.changesAnything()) {
                        channel.pipeline().addAfter(NettyPipeline.HttpCodec, "connection-policy",
                                new ConnectionPolicyHandler(connections));
                    }
                })
                .route(routes -> routes
                        .post("/v1/chat/completions", this::completions)
                        .post("/tool", this::tool)
                        .get("/health", (request, response) -> response.sendString(Mono.just("{\"status\":\"UP\"}")))
                        .get("/stats", (request, response) -> response.sendString(Mono.fromSupplier(this::stats))))
                .bindNow();
    }

    String stats() {
        return "{\"completions\":" + completions.get() + ",\"tool_calls\":" + toolCalls.get() + ",\"injected_503\":"
                + injected503.get() + ",\"injected_resets\":" + injectedResets.get() + ",\"answers_after_failed_tool\":"
                + answersAfterFailedTool.get() + ",\"ceiling_chats\":" + ceiling.chats() + "," + connections.counters().json()
                + "}";
    }

    private Publisher<Void> tool(HttpServerRequest request, HttpServerResponse response) {
        toolCalls.incrementAndGet();
        return request.receive().then()
                .then(Mono.delay(profile.toolDelay()))
                .then(response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .sendString(Mono.just(TOOL_RESULT)).then());
    }

    private Publisher<Void> completions(HttpServerRequest request, HttpServerResponse response) {
        completions.incrementAndGet();
        return request.receive().aggregate().asString().defaultIfEmpty("{}").flatMap(body -> {
            JsonNode json;
            try {
                json = JSON.readTree(body);
            }
            catch (RuntimeException e) {
                return response.status(HttpResponseStatus.BAD_REQUEST).sendString(Mono.just("{\"error\":\"bad json\"}"))
                        .then();
            }
            boolean hasToolResult = false;
            for (JsonNode message : json.path("messages")) {
                if ("tool".equals(message.path("role").asString(""))) {
                    hasToolResult = true;
                    // the order's status in the tool message (as a string, or JSON-quoted by the framework): else the
                    // tool failed, and the app got an answer all the same
                    if (!message.path("content").toString().contains("shipped")) {
                        answersAfterFailedTool.incrementAndGet();
                    }
                    break;
                }
            }
            boolean stream = json.path("stream").asBoolean(false);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            if (failBeforeFirstChunk > 0 && random.nextDouble() < failBeforeFirstChunk) {
                injected503.incrementAndGet();
                return response.status(HttpResponseStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .sendString(Mono.just(OVERLOADED)).then();
            }
            if (!stream) {
                return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .sendString(Mono.delay(profile.firstChunkDelay())
                                .thenReturn(hasToolResult ? answerCompletion() : toolCallCompletion()))
                        .then();
            }
            List<String> events = hasToolResult ? answerEvents() : toolCallEvents();
            boolean reset = resetMidStream > 0 && random.nextDouble() < resetMidStream;
            // a reset stream sends 1 to size - 1 of its chunks: some, never all, never [DONE]
            int sent = reset ? 1 + random.nextInt(events.size() - 1) : events.size();
            Flux<String> timed = Flux.range(0, sent).concatMap(i -> Mono.delay(
                    i == 0 ? profile.firstChunkDelay() : profile.interChunkDelay()).thenReturn(events.get(i)));
            HttpServerResponse headers = response.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
                    .header(HttpHeaderNames.CACHE_CONTROL, "no-cache");
            if (reset) {
                injectedResets.incrementAndGet();
                // the chunks are written and flushed when the send completes; then a RST instead of the last chunk
                return headers.sendString(timed).then().then(Mono.<Void>fromRunnable(() -> response.withConnection(
                        connection -> {
                            connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                            connection.channel().close();
                        })));
            }
            return headers.sendString(timed.concatWith(Mono.just("data: [DONE]\n\n")))
                    .then();
        });
    }

    /** The answer: {@code chunkCount} content deltas, the last one with the stop reason and usage. */
    List<String> answerEvents() {
        List<String> events = new ArrayList<>(profile.chunkCount());
        for (int i = 1; i <= profile.chunkCount(); i++) {
            boolean last = i == profile.chunkCount();
            String delta = (i == 1 ? "{\"role\":\"assistant\",\"content\":" : "{\"content\":") + "\"chunk-" + i + " \"}";
            events.add(chunk(delta, last ? "\"stop\"" : "null", last ? usage(60, profile.chunkCount() * 3) : null));
        }
        return events;
    }

    /** The tool call: id and name, then the arguments in pieces, then the finish reason with usage. */
    List<String> toolCallEvents() {
        List<String> events = new ArrayList<>();
        events.add(chunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"" + TOOL_CALL_ID
                + "\",\"type\":\"function\",\"function\":{\"name\":\"lookup_order\",\"arguments\":\"\"}}]}", "null", null));
        for (String piece : TOOL_ARGUMENT_PIECES) {
            events.add(chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + JSON.writeValueAsString(piece)
                    + "}}]}", "null", null));
        }
        events.add(chunk("{}", "\"tool_calls\"", usage(50, 15)));
        return events;
    }

    private static String chunk(String delta, String finishReason, String usage) {
        return "data: {\"id\":\"" + ID + "\",\"object\":\"chat.completion.chunk\",\"created\":1775000000,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + finishReason + "}]" + (usage == null ? "" : ",\"usage\":" + usage) + "}\n\n";
    }

    private static String usage(int prompt, int completion) {
        return "{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion + ",\"total_tokens\":"
                + (prompt + completion) + "}";
    }

    private String answerCompletion() {
        StringBuilder content = new StringBuilder();
        for (int i = 1; i <= profile.chunkCount(); i++) {
            content.append("chunk-").append(i).append(' ');
        }
        return "{\"id\":\"" + ID + "\",\"object\":\"chat.completion\",\"created\":1775000000,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content
                + "\"},\"finish_reason\":\"stop\"}],\"usage\":" + usage(60, profile.chunkCount() * 3) + "}";
    }

    private static String toolCallCompletion() {
        return "{\"id\":\"" + ID + "\",\"object\":\"chat.completion\",\"created\":1775000000,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\""
                + TOOL_CALL_ID + "\",\"type\":\"function\",\"function\":{\"name\":\"lookup_order\",\"arguments\":"
                + JSON.writeValueAsString(String.join("", TOOL_ARGUMENT_PIECES)) + "}}]},\"finish_reason\":\"tool_calls\"}],"
                + "\"usage\":" + usage(50, 15) + "}";
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
