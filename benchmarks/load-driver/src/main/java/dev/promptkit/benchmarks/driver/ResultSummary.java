/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.driver;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The figures of a run's results: throughput, error rate, latency distributions, chunk counts, errors by kind. */
final class ResultSummary {

    private ResultSummary() {
    }

    static Map<String, Object> summarize(List<LoadDriver.Result> results, long wallNanos) {
        List<LoadDriver.Result> ok = results.stream().filter(LoadDriver.Result::ok).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        double wallSeconds = wallNanos / 1e9;
        out.put("wall_seconds", ProcessSampler.round(wallSeconds));
        out.put("ok", (long) ok.size());
        out.put("errors", (long) (results.size() - ok.size()));
        out.put("error_rate", results.isEmpty() ? 0 : ProcessSampler.round((double) (results.size() - ok.size()) / results.size()));
        out.put("throughput_rps", ProcessSampler.round(ok.size() / wallSeconds));
        out.put("ttfb_ms", distribution(ok.stream().mapToLong(LoadDriver.Result::ttfbNanos).toArray()));
        out.put("total_ms", distribution(ok.stream().mapToLong(LoadDriver.Result::totalNanos).toArray()));
        int[] chunks = ok.stream().mapToInt(LoadDriver.Result::chunks).toArray();
        Map<String, Object> chunkStats = new LinkedHashMap<>();
        chunkStats.put("min", Arrays.stream(chunks).min().orElse(0));
        chunkStats.put("max", Arrays.stream(chunks).max().orElse(0));
        chunkStats.put("mean", ProcessSampler.round(Arrays.stream(chunks).average().orElse(0)));
        out.put("chunks", chunkStats);
        out.put("errors_by_kind", errorsByKind(results));
        return out;
    }

    /** How many of {@code results} failed, by kind of error. */
    static Map<String, Integer> errorsByKind(List<LoadDriver.Result> results) {
        Map<String, Integer> byKind = new TreeMap<>();
        results.stream().filter(r -> !r.ok()).forEach(r -> byKind.merge(r.error(), 1, Integer::sum));
        return byKind;
    }

    /** Milliseconds: p50, p90, p99 (linear interpolation, as the Go harness), min, max, mean. */
    static Map<String, Object> distribution(long[] nanos) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (nanos.length == 0) {
            return out;
        }
        double[] ms = Arrays.stream(nanos).mapToDouble(n -> n / 1e6).sorted().toArray();
        out.put("p50", ProcessSampler.round(percentile(ms, 50)));
        out.put("p90", ProcessSampler.round(percentile(ms, 90)));
        out.put("p99", ProcessSampler.round(percentile(ms, 99)));
        out.put("min", ProcessSampler.round(ms[0]));
        out.put("max", ProcessSampler.round(ms[ms.length - 1]));
        out.put("mean", ProcessSampler.round(Arrays.stream(ms).average().orElse(0)));
        return out;
    }

    static double percentile(double[] sorted, double p) {
        double rank = p / 100 * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
