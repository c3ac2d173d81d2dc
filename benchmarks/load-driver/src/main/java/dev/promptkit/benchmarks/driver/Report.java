/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns the JSON results of one {@code run.sh} run into {@code <stamp>.csv}, {@code <stamp>.md} (a table per tier
 * and issue 16's targets, each marked met or not) and {@code <stamp>.svg} (throughput, peak RSS and CPU per tier).
 * Throughput and time to first chunk are read against the zero-hop ceiling of the same tier (and against the direct
 * client when the run has one).
 *
 * <pre>java -cp load-driver.jar dev.promptkit.benchmarks.driver.Report benchmarks/results 20261122T030000Z</pre>
 */
public final class Report {

    static final String PROMPTKIT = "promptkit";

    private final List<RunResult> runs;

    Report(List<RunResult> runs) {
        this.runs = List.copyOf(runs);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: Report <results dir> <run stamp>");
        }
        Path dir = Path.of(args[0]);
        String stamp = args[1];
        Report report = new Report(RunResult.readRun(dir, stamp));
        Files.writeString(dir.resolve(stamp + ".csv"), report.csv());
        Files.writeString(dir.resolve(stamp + ".md"), report.markdown(stamp));
        Files.writeString(dir.resolve(stamp + ".svg"), new ReportChart(report.runs).svg());
        System.out.println("report: " + dir.resolve(stamp + ".{csv,md,svg}"));
    }

    String csv() {
        StringBuilder out = new StringBuilder("app,profile,concurrency,requests,warmup_requests,ok,errors,throughput_rps,"
                + "throughput_vs_ceiling_pct,throughput_vs_direct_pct,ttfb_p50_ms,ttfb_p99_ms,ttfb_p50_over_ceiling_ms,"
                + "ttfb_p99_over_ceiling_ms,total_p50_ms,total_p99_ms,peak_rss_mb,avg_cpu_percent,cpu_ms_per_request,"
                + "upstream_closed,upstream_resets,answers_after_failed_tool,loadavg_before\n");
        for (RunResult run : runs) {
            Optional<RunResult> ceiling = baseline(RunResult.CEILING, run);
            out.append(String.join(",", run.app(), run.profile(), Integer.toString(run.concurrency()),
                    Long.toString(run.requests()), Long.toString(run.warmupRequests()), Long.toString(run.ok()),
                    Long.toString(run.errors()), number(run.throughputRps()),
                    ceiling.map(c -> number(percentOf(run, c))).orElse(""),
                    baseline(RunResult.DIRECT, run).map(d -> number(percentOf(run, d))).orElse(""),
                    number(run.ttfbP50()), number(run.ttfbP99()),
                    ceiling.map(c -> number(run.ttfbP50() - c.ttfbP50())).orElse(""),
                    ceiling.map(c -> number(run.ttfbP99() - c.ttfbP99())).orElse(""),
                    number(run.totalP50()), number(run.totalP99()), number(run.peakRssMb()),
                    number(run.avgCpuPercent()), number(run.cpuMsPerRequest()), count(run.upstreamClosed()),
                    count(run.upstreamResets()), count(run.answersAfterFailedTool()), '"' + run.loadBefore() + '"'))
                    .append('\n');
        }
        return out.toString();
    }

    String markdown(String stamp) {
        RunResult first = runs.get(0);
        StringBuilder out = new StringBuilder();
        out.append("# Load benchmark ").append(stamp).append("\n\n")
                .append("Profile `").append(first.profile()).append("`; machine: ").append(first.machine())
                .append(". Each tier: N closed-loop streaming clients; the warm-up requests before the measured ones are not ")
                .append("counted. `ceiling` is the zero-hop ceiling: the mock's own `POST /chat`, the same SSE contract ")
                .append("and timeline as a chat through the upstream, with no hop; `direct` (when run) is the driver ")
                .append("talking to the mock upstream itself. A baseline's process figures are the mock's. RSS is the ")
                .append("app's peak `VmRSS`, CPU its average over the run (100 % = one core); in brackets, the share of ")
                .append("the app's CPU its JIT compiler threads took (a JVM still compiling its hot code). Upstream: ")
                .append("connections the ")
                .append("mock closed (idle over its cap, idle too long, past their last request) / reset as a request ")
                .append("arrived / answers it gave after a failed tool call (a failed tool is not a failed request: the ")
                .append("model gets the error and answers), during the measured requests.\n\n")
                .append("| tier | app | warm-up | ok | errors | req/s | % of ceiling | % of direct | TTFB p50 / p99 ms ")
                .append("| TTFB p50 / p99 over ceiling ms | total p50 / p99 ms | peak RSS MB | CPU % | CPU ms/req ")
                .append("| upstream closed / reset / failed tools | load before |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (RunResult run : runs) {
            Optional<RunResult> ceiling = baseline(RunResult.CEILING, run);
            out.append("| ").append(run.concurrency()).append(" | ").append(run.app()).append(" | ")
                    .append(run.warmupRequests()).append(" | ").append(run.ok())
                    .append(" | ").append(run.errors()).append(" | ").append(number(run.throughputRps())).append(" | ")
                    .append(ceiling.map(c -> number(percentOf(run, c)) + " %").orElse("")).append(" | ")
                    .append(baseline(RunResult.DIRECT, run).map(d -> number(percentOf(run, d)) + " %").orElse(""))
                    .append(" | ").append(number(run.ttfbP50())).append(" / ").append(number(run.ttfbP99())).append(" | ")
                    .append(ceiling.map(c -> number(run.ttfbP50() - c.ttfbP50()) + " / "
                            + number(run.ttfbP99() - c.ttfbP99())).orElse("")).append(" | ")
                    .append(number(run.totalP50())).append(" / ").append(number(run.totalP99())).append(" | ")
                    .append(number(run.peakRssMb())).append(" | ").append(number(run.avgCpuPercent())).append(" | ")
                    .append(run.isBaseline() ? "" : number(run.cpuMsPerRequest()) + jitShare(run)).append(" | ")
                    .append(run.upstreamClosed() < 0 ? "" : run.upstreamClosed() + " / " + run.upstreamResets() + " / "
                            + run.answersAfterFailedTool()).append(" | ")
                    .append(run.loadBefore()).append(" |\n");
        }
        out.append("\n## Targets (issue 16), for each PromptKit app\n\n");
        for (String line : targets()) {
            out.append("- ").append(line).append('\n');
        }
        return out.toString();
    }

    /** The JIT compiler threads' share of a run's CPU, in brackets, or nothing when it was not measured. */
    private static String jitShare(RunResult run) {
        return Double.isNaN(run.jitCpuPercent()) ? "" : " (JIT " + number(run.jitCpuPercent()) + " %)";
    }

    /** Issue 16's targets for each PromptKit app, each as "met"/"NOT met" with the figures behind it. */
    List<String> targets() {
        List<String> lines = new ArrayList<>();
        for (RunResult pk : runs.stream().filter(r -> r.app().startsWith(PROMPTKIT)).toList()) {
            int tier = pk.concurrency();
            String what = pk.app() + " tier " + tier + ": ";
            lines.add(verdict(pk.errors() == 0, what + "zero errors (" + pk.errors() + ")"));
            Optional<RunResult> ceiling = baseline(RunResult.CEILING, pk);
            if (tier == 1000 || tier == 2000) {
                double least = tier == 1000 ? 85 : 80;
                ceiling.ifPresent(c -> lines.add(verdict(percentOf(pk, c) >= least, what + "throughput ≥ "
                        + number(least) + " % of the ceiling (" + number(percentOf(pk, c)) + " %)")));
            }
            if (tier == 1000) {
                ceiling.ifPresent(c -> lines.add(verdict(pk.ttfbP50() - c.ttfbP50() <= 150, what + "TTFB p50 within "
                        + "150 ms of the ceiling's (" + number(pk.ttfbP50() - c.ttfbP50()) + " ms over)")));
            }
            if (tier == 2000) {
                lines.add(verdict(pk.peakRssMb() <= 600, what + "peak RSS ≤ 600 MB (" + number(pk.peakRssMb())
                        + " MB)"));
            }
            lines.add(verdict(pk.cpuMsPerRequest() <= 1.5, what + "app CPU ≤ 1.5 ms per request ("
                    + number(pk.cpuMsPerRequest()) + " ms" + (Double.isNaN(pk.jitCpuPercent()) ? ""
                            : ", of which the JIT compiler " + number(pk.jitCpuPercent()) + " %") + ")"));
            OptionalDouble perRequest = bestPeer(tier, RunResult::cpuMsPerRequest);
            if (perRequest.isPresent()) {
                lines.add("(for comparison, not a target) " + what + "CPU per request " + number(pk.cpuMsPerRequest())
                        + " ms vs the better peer's " + number(perRequest.getAsDouble()) + " ms; peak RSS "
                        + number(pk.peakRssMb()) + " MB vs " + number(bestPeer(tier, RunResult::peakRssMb)
                                .getAsDouble()) + " MB");
            }
        }
        return lines;
    }

    /** The best figure of the other frameworks' apps at a tier. */
    private OptionalDouble bestPeer(int tier, java.util.function.ToDoubleFunction<RunResult> figure) {
        return runs.stream().filter(r -> r.concurrency() == tier && !r.isBaseline() && !r.app().startsWith(PROMPTKIT))
                .mapToDouble(figure).min();
    }

    /** The named baseline at the run's tier, unless the run is a baseline itself. */
    private Optional<RunResult> baseline(String name, RunResult run) {
        if (run.isBaseline()) {
            return Optional.empty();
        }
        return runs.stream().filter(r -> name.equals(r.app()) && r.concurrency() == run.concurrency()).findFirst();
    }

    private static double percentOf(RunResult run, RunResult baseline) {
        return baseline.throughputRps() == 0 ? 0 : 100 * run.throughputRps() / baseline.throughputRps();
    }

    private static String verdict(boolean met, String what) {
        return (met ? "met: " : "**NOT met**: ") + what;
    }

    private static String count(long value) {
        return value < 0 ? "" : Long.toString(value);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
