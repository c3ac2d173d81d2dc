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
 * and the targets, each marked met or not) and {@code <stamp>.svg} (throughput, peak RSS and CPU per tier).
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
                + "throughput_vs_direct_pct,ttfb_p50_ms,ttfb_p99_ms,added_ttfb_p50_ms,added_ttfb_p99_ms,total_p50_ms,"
                + "total_p99_ms,peak_rss_mb,avg_cpu_percent,cpu_ms_per_request,loadavg_before\n");
        for (RunResult run : runs) {
            Optional<RunResult> direct = direct(run.concurrency());
            out.append(String.join(",", run.app(), run.profile(), Integer.toString(run.concurrency()),
                    Long.toString(run.requests()), Long.toString(run.warmupRequests()), Long.toString(run.ok()), Long.toString(run.errors()),
                    number(run.throughputRps()), direct.map(d -> number(percentOf(run, d))).orElse(""),
                    number(run.ttfbP50()), number(run.ttfbP99()),
                    direct.map(d -> number(run.ttfbP50() - d.ttfbP50())).orElse(""),
                    direct.map(d -> number(run.ttfbP99() - d.ttfbP99())).orElse(""),
                    number(run.totalP50()), number(run.totalP99()), number(run.peakRssMb()),
                    number(run.avgCpuPercent()), number(run.cpuMsPerRequest()), '"' + run.loadBefore() + '"'))
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
                .append("counted. ")
                .append("`direct` is the driver talking to the mock upstream itself (the physical limit; its process ")
                .append("figures are the mock's). RSS is the app's peak `VmRSS`, CPU its average over the run ")
                .append("(100 % = one core).\n\n")
                .append("| tier | app | warm-up | ok | errors | req/s | % of direct | TTFB p50 / p99 ms | added TTFB p50 / p99 ms ")
                .append("| total p50 / p99 ms | peak RSS MB | CPU % | CPU ms/req | load before |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (RunResult run : runs) {
            Optional<RunResult> direct = direct(run.concurrency()).filter(d -> !run.isDirect());
            out.append("| ").append(run.concurrency()).append(" | ").append(run.app()).append(" | ")
                    .append(run.warmupRequests()).append(" | ").append(run.ok())
                    .append(" | ").append(run.errors()).append(" | ").append(number(run.throughputRps())).append(" | ")
                    .append(direct.map(d -> number(percentOf(run, d)) + " %").orElse("")).append(" | ")
                    .append(number(run.ttfbP50())).append(" / ").append(number(run.ttfbP99())).append(" | ")
                    .append(direct.map(d -> number(run.ttfbP50() - d.ttfbP50()) + " / "
                            + number(run.ttfbP99() - d.ttfbP99())).orElse("")).append(" | ")
                    .append(number(run.totalP50())).append(" / ").append(number(run.totalP99())).append(" | ")
                    .append(number(run.peakRssMb())).append(" | ").append(number(run.avgCpuPercent())).append(" | ")
                    .append(run.isDirect() ? "" : number(run.cpuMsPerRequest())).append(" | ")
                    .append(run.loadBefore()).append(" |\n");
        }
        out.append("\n## Targets (issue 8)\n\n");
        for (String line : targets()) {
            out.append("- ").append(line).append('\n');
        }
        return out.toString();
    }

    /** The targets for PromptKit, each as "met"/"NOT met" with the figures behind it. */
    List<String> targets() {
        List<String> lines = new ArrayList<>();
        for (RunResult pk : byApp(PROMPTKIT)) {
            int tier = pk.concurrency();
            lines.add(verdict(pk.errors() == 0, "tier " + tier + ": zero errors (" + pk.errors() + ")"));
            direct(tier).ifPresent(d -> lines.add(verdict(percentOf(pk, d) >= 95, "tier " + tier
                    + ": throughput ≥ 95 % of direct (" + number(percentOf(pk, d)) + " %)")));
            if (tier == 1000) {
                direct(tier).ifPresent(d -> {
                    double p50 = pk.ttfbP50() - d.ttfbP50();
                    double p99 = pk.ttfbP99() - d.ttfbP99();
                    lines.add(verdict(p50 < 2 && p99 < 10, "tier 1000: added TTFB p50 < 2 ms and p99 < 10 ms ("
                            + number(p50) + " / " + number(p99) + " ms)"));
                });
            }
            if (tier >= 1000) {
                OptionalDouble rss = bestPeer(tier, RunResult::peakRssMb);
                OptionalDouble cpu = bestPeer(tier, RunResult::avgCpuPercent);
                if (rss.isPresent()) {
                    lines.add(verdict(pk.peakRssMb() <= rss.getAsDouble() / 2, "tier " + tier
                            + ": peak RSS ≤ half the better peer's (" + number(pk.peakRssMb()) + " vs "
                            + number(rss.getAsDouble()) + " MB)"));
                    lines.add(verdict(pk.avgCpuPercent() <= cpu.getAsDouble() / 2, "tier " + tier
                            + ": average CPU ≤ half the better peer's (" + number(pk.avgCpuPercent()) + " vs "
                            + number(cpu.getAsDouble()) + " %)"));
                    OptionalDouble perRequest = bestPeer(tier, RunResult::cpuMsPerRequest);
                    lines.add("(not a target of the issue, for comparison) tier " + tier + ": CPU per request "
                            + number(pk.cpuMsPerRequest()) + " ms vs the better peer's " + number(perRequest.getAsDouble())
                            + " ms (" + number(100 * pk.cpuMsPerRequest() / perRequest.getAsDouble()) + " %)");
                }
            }
        }
        return lines;
    }

    private OptionalDouble bestPeer(int tier, java.util.function.ToDoubleFunction<RunResult> figure) {
        return runs.stream().filter(r -> r.concurrency() == tier && !r.isDirect() && !PROMPTKIT.equals(r.app()))
                .mapToDouble(figure).min();
    }

    private List<RunResult> byApp(String app) {
        return runs.stream().filter(r -> app.equals(r.app())).toList();
    }

    private Optional<RunResult> direct(int tier) {
        return runs.stream().filter(r -> r.isDirect() && r.concurrency() == tier).findFirst();
    }

    private static double percentOf(RunResult run, RunResult direct) {
        return direct.throughputRps() == 0 ? 0 : 100 * run.throughputRps() / direct.throughputRps();
    }

    private static String verdict(boolean met, String what) {
        return (met ? "met: " : "**NOT met**: ") + what;
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
