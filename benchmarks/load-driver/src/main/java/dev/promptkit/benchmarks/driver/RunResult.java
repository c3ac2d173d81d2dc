/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The figures of one driver run (one app at one tier), read back from the JSON {@link LoadDriver} wrote. For an
 * app the process figures are the app's; for a baseline (the zero-hop ceiling, the direct client) they are the mock
 * upstream's. {@code upstreamClosed} (connections the upstream closed: idle over its cap, idle too long, past their
 * last request), {@code upstreamResets} (connections reset as a request arrived) and {@code answersAfterFailedTool}
 * are counted by the mock during the measured requests; -1 when the run has no upstream figures. {@code jitCpuPercent}
 * is the share of the process's CPU its JIT compiler threads took (NaN when not measured).
 */
record RunResult(String app, String profile, int concurrency, long requests, long warmupRequests, long ok, long errors,
        double throughputRps, double ttfbP50, double ttfbP99, double totalP50, double totalP99, double peakRssMb,
        double avgCpuPercent, double cpuMsPerRequest, double jitCpuPercent, String loadBefore, String machine, long upstreamClosed,
        long upstreamResets, long answersAfterFailedTool) {

    static final String DIRECT = "direct";
    static final String CEILING = "ceiling";

    static RunResult of(JsonNode run) {
        JsonNode process = run.path("process").isMissingNode() ? run.path("upstream_process") : run.path("process");
        JsonNode machine = run.path("machine");
        JsonNode upstream = run.path("upstream_stats");
        boolean counted = upstream.isObject();
        return new RunResult(run.path("app").asString(), run.path("profile").asString(), run.path("concurrency").asInt(),
                run.path("requests").asLong(), run.path("warmup_requests").asLong(), run.path("ok").asLong(), run.path("errors").asLong(),
                run.path("throughput_rps").asDouble(), run.path("ttfb_ms").path("p50").asDouble(),
                run.path("ttfb_ms").path("p99").asDouble(), run.path("total_ms").path("p50").asDouble(),
                run.path("total_ms").path("p99").asDouble(), process.path("peak_rss_mb").asDouble(),
                process.path("avg_cpu_percent").asDouble(), process.path("cpu_ms_per_request").asDouble(Double.NaN),
                process.path("cpu_jit_percent").asDouble(Double.NaN), machine.path("loadavg_before").asString(""),
                machine.path("cores").asInt() + " cores, " + machine.path("cpu_model").asString("?") + ", "
                        + machine.path("java").asString("?"),
                counted ? upstream.path("closed_idle_over_cap").asLong() + upstream.path("closed_idle_timeout").asLong()
                        + upstream.path("closed_max_requests").asLong() : -1,
                counted ? upstream.path("reset_after_accept").asLong() : -1,
                counted ? upstream.path("answers_after_failed_tool").asLong() : -1);
    }

    /** Every {@code <stamp>-<app>-<tier>.json} of one run in {@code dir}, by tier then app (baselines first). */
    static List<RunResult> readRun(Path dir, String stamp) throws IOException {
        List<RunResult> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(stamp + "-")
                    && f.getFileName().toString().endsWith(".json")).toList()) {
                runs.add(of(LoadDriver.JSON.readTree(file.toFile())));
            }
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no " + stamp + "-*.json results in " + dir);
        }
        runs.sort(Comparator.comparingInt(RunResult::concurrency)
                .thenComparing(r -> r.isBaseline() ? "" + r.app() : "~" + r.app()));
        return runs;
    }

    boolean isDirect() {
        return DIRECT.equals(app);
    }

    boolean isCeiling() {
        return CEILING.equals(app);
    }

    /** A baseline the apps are measured against, not an app. */
    boolean isBaseline() {
        return isDirect() || isCeiling();
    }
}
