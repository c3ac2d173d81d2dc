/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.driver;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Closed-loop load driver: {@code concurrency} clients each start a new streaming request as soon as their
 * last one ends, until {@code requests} have run (10 × concurrency by default). Per request it records the time
 * to the first streamed chunk, the total time to the end of the stream, the chunk count and any error; while
 * the measured requests run it samples the app's (and optionally the upstream's) RSS and CPU from
 * {@code /proc}. Writes one JSON result.
 *
 * <p>Modes: {@code app} posts {@code {"message": ...}} to an app's {@code POST /chat} (or the mock's zero-hop
 * ceiling's) and reads its SSE; {@code direct} talks to the mock upstream itself as a client would (streamed tool
 * call, {@code POST /tool}, streamed answer). With {@code --upstream-stats URL} (the mock's {@code /stats}) it records
 * what the upstream counted during the measured requests: completions, tool calls, connections closed and reset.
 *
 * <pre>
 * java -jar load-driver.jar --mode app --target http://127.0.0.1:18090/chat --concurrency 100 \
 *      --pid 1234 --upstream-pid 1233 --app promptkit --profile fast --output result.json
 * java -jar load-driver.jar --mode direct --target http://127.0.0.1:18081 --concurrency 100 --pid 1233 ...
 * </pre>
 */
public final class LoadDriver {

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    static final String QUESTION = "Where is my order 12345?";

    /** The response header in which an app names the conversation a request opened (the PromptKit app does). */
    static final String CONVERSATION_ID_HEADER = "X-Conversation-Id";

    /**
     * One request's outcome; times in nanoseconds from the request's start ({@code startNanos}, on
     * {@link System#nanoTime()}), -1 when not reached; the conversation id the app sent in
     * {@value #CONVERSATION_ID_HEADER}, or {@code null}.
     */
    record Result(boolean ok, long startNanos, long ttfbNanos, long totalNanos, int chunks, String error,
            String conversationId) {
    }

    private final ConnectionProvider connections;
    private final HttpClient client;
    private final String mode;
    private final String target;
    private final Duration timeout;

    LoadDriver(String mode, String target, int concurrency, Duration timeout) {
        this.mode = mode;
        this.target = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        this.timeout = timeout;
        this.connections = ConnectionProvider.builder("load-driver")
                .maxConnections(concurrency * 2 + 16)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(timeout)
                .build();
        this.client = HttpClient.create(connections).compress(false);
    }

    public static void main(String[] args) throws IOException {
        String mode = option(args, "--mode", "app");
        String target = option(args, "--target", "direct".equals(mode) ? "http://127.0.0.1:18081" : "http://127.0.0.1:18090/chat");
        int concurrency = Integer.parseInt(option(args, "--concurrency", "100"));
        int requests = Integer.parseInt(option(args, "--requests", Integer.toString(10 * concurrency)));
        int warmup = Integer.parseInt(option(args, "--warmup", "0"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(option(args, "--timeout-seconds", "30")));
        long pid = Long.parseLong(option(args, "--pid", "0"));
        long upstreamPid = Long.parseLong(option(args, "--upstream-pid", "0"));
        String app = option(args, "--app", "direct".equals(mode) ? "direct" : "app");
        String profile = option(args, "--profile", "unknown");
        String output = option(args, "--output", null);
        String upstreamStats = option(args, "--upstream-stats", null);
        if (!"app".equals(mode) && !"direct".equals(mode)) {
            throw new IllegalArgumentException("--mode is app or direct, was " + mode);
        }

        LoadDriver driver = new LoadDriver(mode, target, concurrency, timeout);
        long durationSeconds = Long.parseLong(option(args, "--duration-seconds", "0"));
        if (durationSeconds > 0) {
            // soak mode: N clients for a duration instead of a request count, with a time series (see Soak)
            Soak.run(driver, args, concurrency, Duration.ofSeconds(durationSeconds), timeout, pid, upstreamPid, app,
                    profile, output);
            System.exit(0);
        }
        // the whole run is bounded: every request has its own timeout, the run one of its own
        Duration runLimit = timeout.multipliedBy(Math.max(4, (long) Math.ceil(4.0 * requests / concurrency)));
        if (warmup > 0) {
            List<Result> warm = driver.run(Math.min(concurrency, warmup), warmup, runLimit);
            Map<String, Integer> warmErrors = ResultSummary.errorsByKind(warm);
            System.out.printf("warm-up: %d requests, %d errors%s%n", warm.size(),
                    warmErrors.values().stream().mapToInt(Integer::intValue).sum(),
                    warmErrors.isEmpty() ? "" : " " + warmErrors);
        }
        ProcessSampler appSampler = pid > 0 ? new ProcessSampler(pid) : null;
        ProcessSampler upstreamSampler = upstreamPid > 0 ? new ProcessSampler(upstreamPid) : null;
        ProcessSampler driverSampler = new ProcessSampler(ProcessHandle.current().pid());
        Instant startedAt = Instant.now();
        String loadBefore = MachineInfo.loadAverage();
        JsonNode statsBefore = upstreamStats == null ? null : UpstreamStats.read(upstreamStats);
        driverSampler.start();
        if (appSampler != null) {
            appSampler.start();
        }
        if (upstreamSampler != null) {
            upstreamSampler.start();
        }
        long start = System.nanoTime();
        List<Result> results = driver.run(concurrency, requests, runLimit);
        long wall = System.nanoTime() - start;
        driverSampler.stop();
        String loadAfter = MachineInfo.loadAverage();
        JsonNode statsAfter = upstreamStats == null ? null : UpstreamStats.read(upstreamStats);
        if (appSampler != null) {
            appSampler.stop();
        }
        if (upstreamSampler != null) {
            upstreamSampler.stop();
        }

        Map<String, Object> summary = ResultSummary.summarize(results, wall);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("app", app);
        out.put("mode", mode);
        out.put("profile", profile);
        out.put("target", target);
        out.put("concurrency", concurrency);
        out.put("requests", requests);
        out.put("warmup_requests", warmup);
        out.put("started_at", startedAt.toString());
        out.putAll(summary);
        if (appSampler != null) {
            Map<String, Object> process = appSampler.summary();
            long ok = (long) summary.get("ok");
            process.put("cpu_ms_per_request", ok == 0 ? null : ProcessSampler.round(appSampler.cpuSeconds() * 1000 / ok));
            double jit = appSampler.cpuPercentOf(ThreadCpu.Kind.JIT);
            if (ok > 0 && !Double.isNaN(jit)) {
                // what a request costs once the JIT has compiled the hot code: the JIT threads' share left out
                process.put("cpu_ms_per_request_without_jit",
                        ProcessSampler.round(appSampler.cpuSeconds() * 1000 / ok * (1 - jit / 100)));
            }
            out.put("process", process);
        }
        if (upstreamSampler != null) {
            out.put("upstream_process", upstreamSampler.summary());
        }
        if (statsBefore != null && statsAfter != null) {
            out.put("upstream_stats", UpstreamStats.difference(statsBefore, statsAfter));
        }
        // the driver shares the machine: its own CPU shows how much of it the load generation takes
        out.put("driver_process", driverSampler.summary());
        Map<String, Object> machine = MachineInfo.describe();
        // other work on the machine skews every figure: the 1/5/15-minute load averages around the measured run
        machine.put("loadavg_before", loadBefore);
        machine.put("loadavg_after", loadAfter);
        out.put("machine", machine);
        String json = JSON.writeValueAsString(out);
        if (output != null) {
            Path path = Path.of(output);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, json + "\n");
        }
        System.out.println(oneLine(out));
        System.exit(0);
    }

    List<Result> run(int concurrency, int requests, Duration limit) {
        Supplier<Mono<Result>> one = "direct".equals(mode) ? this::directRequest : this::appRequest;
        return Flux.range(0, requests)
                .flatMap(i -> Mono.defer(one), concurrency, 1)
                .collectList()
                .block(limit);
    }

    /**
     * Closed loop for a duration: each of {@code concurrency} clients starts a new request as soon as its last one
     * ended, until {@code deadlineNanos} ({@link System#nanoTime()}); the requests in flight then run to their end.
     * Every outcome goes to {@code each} as it arrives.
     */
    List<Result> runUntil(int concurrency, long deadlineNanos, Duration limit, java.util.function.Consumer<Result> each) {
        Supplier<Mono<Result>> one = "direct".equals(mode) ? this::directRequest : this::appRequest;
        return Flux.range(0, Integer.MAX_VALUE)
                .takeWhile(i -> System.nanoTime() - deadlineNanos < 0)
                .flatMap(i -> Mono.defer(one), concurrency, 1)
                .doOnNext(each)
                .collectList()
                .block(limit);
    }

    /** Closes the driver's connections (to the app), so that the app's side of them closes too. */
    void closeConnections() {
        connections.disposeLater().block(Duration.ofSeconds(30));
    }

    /** One {@code POST /chat} to the app, read to the end of its SSE. */
    Mono<Result> appRequest() {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            SseReader sse = new SseReader(start);
            return stream(target, "{\"message\":" + JSON.writeValueAsString(QUESTION) + "}", sse)
                    .map(reader -> reader.result(System.nanoTime() - start, null))
                    .timeout(timeout)
                    .onErrorResume(e -> Mono.just(sse.result(System.nanoTime() - start, describe(e))));
        });
    }

    /**
     * The physical limit: what a client talking straight to the upstream does for one question. Streamed
     * request (a tool call comes back), {@code POST /tool}, streamed request with the tool result (the answer).
     * The first byte is the answer's first chunk, as in app mode.
     */
    Mono<Result> directRequest() {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            SseReader toolStream = new SseReader(start);
            SseReader answer = new SseReader(start);
            String user = "{\"role\":\"user\",\"content\":" + JSON.writeValueAsString(QUESTION) + "}";
            String first = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                    + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup_order\",\"parameters\":"
                    + "{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\"}}}}}],\"messages\":[" + user + "]}";
            return stream(target + "/v1/chat/completions", first, toolStream.collectingToolCall())
                    .flatMap(done -> {
                        ToolCallCollector call = done.toolCall();
                        if (call.name == null) {
                            return Mono.error(new IllegalStateException("no tool call in the first stream"));
                        }
                        return post(target + "/tool", call.arguments.toString())
                                .flatMap(toolResult -> {
                                    String assistant = "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":"
                                            + JSON.writeValueAsString(call.id) + ",\"type\":\"function\",\"function\":{\"name\":"
                                            + JSON.writeValueAsString(call.name) + ",\"arguments\":"
                                            + JSON.writeValueAsString(call.arguments.toString()) + "}}]}";
                                    String tool = "{\"role\":\"tool\",\"tool_call_id\":" + JSON.writeValueAsString(call.id)
                                            + ",\"content\":" + JSON.writeValueAsString(toolResult) + "}";
                                    String second = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":"
                                            + "{\"include_usage\":true},\"messages\":[" + user + "," + assistant + "," + tool + "]}";
                                    return stream(target + "/v1/chat/completions", second, answer);
                                });
                    })
                    .map(reader -> reader.result(System.nanoTime() - start, null))
                    .timeout(timeout)
                    .onErrorResume(e -> Mono.just(answer.result(System.nanoTime() - start, describe(e))));
        });
    }

    private Mono<SseReader> stream(String url, String body, SseReader reader) {
        return client.headers(h -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .set(HttpHeaderNames.ACCEPT, "text/event-stream")
                        .set(HttpHeaderNames.AUTHORIZATION, "Bearer benchmark"))
                .post().uri(url).send(ByteBufFlux.fromString(Mono.just(body)))
                .response((response, content) -> {
                    reader.conversationId(response.responseHeaders().get(CONVERSATION_ID_HEADER));
                    if (response.status().code() != 200) {
                        return content.aggregate().asString().defaultIfEmpty("")
                                .flatMap(text -> Mono.error(new IllegalStateException("HTTP " + response.status().code()
                                        + " " + text.substring(0, Math.min(120, text.length())))));
                    }
                    return content.asString().doOnNext(reader::feed).then(Mono.fromCallable(reader::finish));
                })
                .single();
    }

    private Mono<String> post(String url, String body) {
        return client.headers(h -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/json"))
                .post().uri(url).send(ByteBufFlux.fromString(Mono.just(body)))
                .responseSingle((response, content) -> response.status().code() == 200
                        ? content.asString()
                        : Mono.error(new IllegalStateException("tool HTTP " + response.status().code())));
    }

    private static String describe(Throwable e) {
        String name = e.getClass().getSimpleName();
        String message = e.getMessage();
        if (message == null) {
            return name;
        }
        // one kind per cause: numbers, and the request id in a Spring Boot error body, differ from error to error
        message = message.replaceAll("\"requestId\":\"[^\"]*\"?", "\"requestId\":\"…\"").replaceAll("\\d+", "N");
        return name + ": " + message.substring(0, Math.min(140, message.length()));
    }

    @SuppressWarnings("unchecked")
    private static String oneLine(Map<String, Object> out) {
        Map<String, Object> ttfb = (Map<String, Object>) out.get("ttfb_ms");
        Map<String, Object> total = (Map<String, Object>) out.get("total_ms");
        Map<String, Object> process = (Map<String, Object>) out.get("process");
        List<String> parts = new ArrayList<>();
        parts.add(out.get("app") + " N=" + out.get("concurrency"));
        parts.add("ok " + out.get("ok") + "/" + out.get("requests"));
        parts.add("rps " + out.get("throughput_rps"));
        parts.add("ttfb p50/p99 " + ttfb.get("p50") + "/" + ttfb.get("p99") + " ms");
        parts.add("total p50/p99 " + total.get("p50") + "/" + total.get("p99") + " ms");
        if (process != null) {
            parts.add("peak RSS " + process.get("peak_rss_mb") + " MB");
            parts.add("CPU " + process.get("avg_cpu_percent") + " %");
        }
        if (!((Map<?, ?>) out.get("errors_by_kind")).isEmpty()) {
            parts.add("errors " + out.get("errors_by_kind"));
        }
        return String.join(" | ", parts);
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
