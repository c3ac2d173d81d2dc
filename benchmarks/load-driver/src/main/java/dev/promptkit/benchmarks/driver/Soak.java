/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.driver;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The driver's soak mode ({@code --duration-seconds D}): {@code concurrency} closed-loop clients for D seconds,
 * and what the app holds over that time.
 *
 * <ul>
 * <li>A time series, every {@code --sample-seconds} (10): the app's RSS, threads, open sockets (by peer, see
 * {@link ProcessProbe}), CPU over the interval, the requests that ended ok or failed (in total and in the
 * interval), and the 1-minute load average.</li>
 * <li>The RSS slope, MB per minute, by least squares over the samples after the warm-up window
 * ({@code --warmup-seconds}, 120: the JIT compiles and G1 sizes its heap during it); the same for threads, and for
 * the heap after each GC when the app writes a GC log ({@code --gc-log}, {@code -Xlog:gc:file=…:uptime}).</li>
 * <li>Threads (by name) and sockets (by peer) at five points: {@code before_load} (the app started, nothing sent
 * yet), {@code after_warmup} (the first sample after the warm-up window, under load), {@code end_of_load} (the last
 * request ended), then, once the driver has closed its own connections to the app, {@code idle_10s} and
 * {@code idle_end} ({@code --idle-seconds}, 60, after the load; the provider's pool closes connections idle for
 * 20 s, checking every 20 s). A leak shows as counts at {@code idle_end} that stay above {@code after_warmup}
 * (threads) or {@code before_load} (sockets).</li>
 * <li>Totals over the whole run, warm-up included: ok, errors by kind, latencies.</li>
 * <li>With {@code --ids-file}, one line per request: {@code ok <conversation id>} or
 * {@code error <conversation id or -> <kind>}, for the Redis check ({@link SoakCheck}).</li>
 * </ul>
 */
final class Soak {

    /** {@code [12.345s] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 300M->120M(512M) 5.123ms}. */
    private static final Pattern GC_PAUSE = Pattern.compile(
            "\\[(\\d+(?:\\.\\d+)?)s\\].*GC\\(\\d+\\) Pause (Young|Full|Remark|Cleanup).*? (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private Soak() {
    }

    static void run(LoadDriver driver, String[] args, int concurrency, Duration duration, Duration timeout, long pid,
            long upstreamPid, String app, String profile, String output) throws IOException {
        long warmupSeconds = Long.parseLong(LoadDriver.option(args, "--warmup-seconds", "120"));
        long sampleSeconds = Long.parseLong(LoadDriver.option(args, "--sample-seconds", "10"));
        long idleSeconds = Long.parseLong(LoadDriver.option(args, "--idle-seconds", "60"));
        long idleSampleSeconds = Long.parseLong(LoadDriver.option(args, "--idle-sample-seconds", "5"));
        String target = LoadDriver.option(args, "--target", "http://127.0.0.1:18090/chat");
        int upstreamPort = Integer.parseInt(LoadDriver.option(args, "--upstream-port", "0"));
        int redisPort = Integer.parseInt(LoadDriver.option(args, "--redis-port", "6379"));
        String idsFile = LoadDriver.option(args, "--ids-file", null);
        String gcLog = LoadDriver.option(args, "--gc-log", null);
        if (pid <= 0) {
            throw new IllegalArgumentException("soak mode samples the app: --pid is required");
        }
        ProcessProbe probe = new ProcessProbe(pid, new ProcessProbe.Ports(URI.create(target).getPort(), upstreamPort,
                redisPort));

        Map<String, Object> points = Collections.synchronizedMap(new LinkedHashMap<>());
        points.put("before_load", point(probe, probe.read(), 0));
        ProcessSampler appSampler = new ProcessSampler(pid);
        ProcessSampler upstreamSampler = upstreamPid > 0 ? new ProcessSampler(upstreamPid) : null;
        ProcessSampler driverSampler = new ProcessSampler(ProcessHandle.current().pid());
        String loadBefore = MachineInfo.loadAverage();
        Instant startedAt = Instant.now();
        double appAgeAtStart = probe.ageSeconds(ProcessSampler.CLOCK_TICKS_PER_SECOND);
        appSampler.start();
        if (upstreamSampler != null) {
            upstreamSampler.start();
        }
        driverSampler.start();

        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Map<String, Object>> series = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long[] last = { start, probe.cpuTicks(), 0, 0 }; // time, CPU ticks, ok, errors at the previous sample
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "soak-sampler");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            double t = (now - start) / 1e9;
            ProcessProbe.Reading reading = probe.read();
            Map<String, Object> sample = sample(t, reading, now, last, ok.get(), errors.get());
            series.add(sample);
            if (t >= warmupSeconds && !points.containsKey("after_warmup")) {
                points.put("after_warmup", point(probe, reading, t));
            }
            System.err.printf("soak t=%.0fs rss=%s MB threads=%d sockets=%d %s ok=%d errors=%d load=%s%n", t,
                    sample.get("rss_mb"), reading.threads(), reading.sockets(), reading.socketsByPeer(), ok.get(),
                    errors.get(), sample.get("load1"));
        }, sampleSeconds, sampleSeconds, TimeUnit.SECONDS);

        Duration limit = duration.plus(timeout.multipliedBy(2)).plusSeconds(60);
        List<LoadDriver.Result> results = driver.runUntil(concurrency, start + duration.toNanos(), limit, result -> {
            if (result.ok()) {
                ok.incrementAndGet();
            }
            else {
                errors.incrementAndGet();
            }
        });
        long wall = System.nanoTime() - start;
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessProbe.Reading end = probe.read();
        points.put("end_of_load", point(probe, end, wall / 1e9));
        appSampler.stop();
        if (upstreamSampler != null) {
            upstreamSampler.stop();
        }
        driverSampler.stop();
        String loadAfter = MachineInfo.loadAverage();

        // idle: the driver closes its connections to the app, then the app should let go of what the load took
        driver.closeConnections();
        long idleStart = System.nanoTime();
        List<Map<String, Object>> idleSeries = new ArrayList<>();
        for (long s = idleSampleSeconds; s <= idleSeconds; s += idleSampleSeconds) {
            sleepUntil(idleStart + TimeUnit.SECONDS.toNanos(s));
            ProcessProbe.Reading reading = probe.read();
            Map<String, Object> sample = new LinkedHashMap<>();
            sample.put("t_idle_s", s);
            sample.putAll(reading.toMap());
            idleSeries.add(sample);
            if (s == 10 || (s > 10 && !points.containsKey("idle_10s"))) {
                points.put("idle_10s", point(probe, reading, s));
            }
            if (s + idleSampleSeconds > idleSeconds) {
                points.put("idle_end", point(probe, reading, s));
            }
            System.err.printf("idle t=%ds threads=%d sockets=%d %s%n", s, reading.threads(), reading.sockets(),
                    reading.socketsByPeer());
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("app", app);
        out.put("mode", "soak");
        out.put("profile", profile);
        out.put("target", target);
        out.put("concurrency", concurrency);
        out.put("duration_seconds", duration.toSeconds());
        out.put("warmup_seconds", warmupSeconds);
        out.put("sample_seconds", sampleSeconds);
        out.put("idle_seconds", idleSeconds);
        out.put("timeout_seconds", timeout.toSeconds());
        out.put("started_at", startedAt.toString());
        out.put("requests", (long) results.size());
        out.putAll(ResultSummary.summarize(results, wall));
        out.put("requests_with_conversation_id", results.stream().filter(r -> r.conversationId() != null).count());
        out.put("slow_requests", slowRequests(results, start));

        Map<String, Object> soak = new LinkedHashMap<>();
        List<Map<String, Object>> samples = new ArrayList<>(series);
        List<Map<String, Object>> window = samples.stream().filter(s -> (double) s.get("t_s") >= warmupSeconds).toList();
        soak.put("window", Map.of("from_s", warmupSeconds, "to_s", ProcessSampler.round(wall / 1e9), "samples",
                window.size()));
        soak.put("rss", trend(window, s -> (double) s.get("rss_mb"), "mb"));
        soak.put("threads", trend(window, s -> ((Number) s.get("threads")).doubleValue(), "count"));
        soak.put("sockets", trend(window, s -> ((Number) s.get("sockets")).doubleValue(), "count"));
        if (gcLog != null) {
            soak.put("heap_after_gc", heapAfterGc(Path.of(gcLog), appAgeAtStart, warmupSeconds, wall / 1e9));
        }
        soak.put("points", new LinkedHashMap<>(points));
        soak.put("series", samples);
        soak.put("idle_series", idleSeries);
        out.put("soak", soak);

        Map<String, Object> process = appSampler.summary();
        long okCount = ok.get();
        process.put("cpu_ms_per_request", okCount == 0 ? null : ProcessSampler.round(appSampler.cpuSeconds() * 1000 / okCount));
        out.put("process", process);
        if (upstreamSampler != null) {
            out.put("upstream_process", upstreamSampler.summary());
        }
        out.put("driver_process", driverSampler.summary());
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("loadavg_before", loadBefore);
        machine.put("loadavg_after", loadAfter);
        out.put("machine", machine);

        if (idsFile != null) {
            writeIds(Path.of(idsFile), results);
            out.put("ids_file", idsFile);
        }
        String json = LoadDriver.JSON.writeValueAsString(out);
        if (output != null) {
            Path path = Path.of(output);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, json + "\n");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> rss = (Map<String, Object>) soak.get("rss");
        System.out.printf("soak %s N=%d %ds | ok %d | errors %d %s | rps %s | RSS slope %s MB/min after %ds | threads %s → %s"
                + " | sockets %s → %s%n", app, concurrency, duration.toSeconds(), okCount, errors.get(),
                out.get("errors_by_kind"), out.get("throughput_rps"), rss.get("slope_per_min"), warmupSeconds,
                pointValue(points, "after_warmup", "threads"), pointValue(points, "idle_end", "threads"),
                pointValue(points, "before_load", "sockets"), pointValue(points, "idle_end", "sockets"));
    }

    private static Object pointValue(Map<String, Object> points, String point, String key) {
        Object value = points.get(point);
        return value instanceof Map<?, ?> map ? map.get(key) : null;
    }

    private static Map<String, Object> sample(double t, ProcessProbe.Reading reading, long now, long[] last, long ok,
            long errors) {
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("t_s", ProcessSampler.round(t));
        sample.putAll(reading.toMap());
        double seconds = (now - last[0]) / 1e9;
        sample.put("cpu_percent", ProcessSampler.round(
                (reading.cpuTicks() - last[1]) / (double) ProcessSampler.CLOCK_TICKS_PER_SECOND / seconds * 100));
        sample.put("ok", ok);
        sample.put("errors", errors);
        sample.put("ok_in_interval", ok - last[2]);
        sample.put("errors_in_interval", errors - last[3]);
        sample.put("load1", MachineInfo.load1());
        last[0] = now;
        last[1] = reading.cpuTicks();
        last[2] = ok;
        last[3] = errors;
        return sample;
    }

    private static Map<String, Object> point(ProcessProbe probe, ProcessProbe.Reading reading, double t) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("t_s", ProcessSampler.round(t));
        point.putAll(reading.toMap());
        point.put("threads_by_name", probe.threadsByName());
        return point;
    }

    /** Least-squares slope per minute of {@code value} over {@code window} (t in seconds), with min/max/first/last. */
    static Map<String, Object> trend(List<Map<String, Object>> window, ToDoubleFunction<Map<String, Object>> value,
            String unit) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("unit", unit);
        double[] x = window.stream().mapToDouble(s -> (double) s.get("t_s") / 60).toArray();
        double[] y = window.stream().mapToDouble(value).toArray();
        out.put("slope_per_min", x.length < 2 ? null : ProcessSampler.round(slope(x, y)));
        if (y.length > 0) {
            out.put("first", y[0]);
            out.put("last", y[y.length - 1]);
            out.put("min", java.util.Arrays.stream(y).min().getAsDouble());
            out.put("max", java.util.Arrays.stream(y).max().getAsDouble());
        }
        return out;
    }

    static double slope(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElse(0);
        double my = java.util.Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }

    /**
     * The heap after each GC pause in the app's GC log, on the soak's clock (the log's uptime less the app's age
     * when the load started), over the window after warm-up. A young pause leaves the old generation's garbage in
     * place until a mixed collection, so its figure saws; the lowest figure of each minute is the live data, and
     * their slope (MB per minute) is the heap's trend. With the committed heap at both ends: RSS follows it.
     */
    static Map<String, Object> heapAfterGc(Path log, double appAgeAtStart, double from, double to) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<double[]> events = new ArrayList<>(); // t, after MB, committed MB
        try {
            for (String line : Files.readAllLines(log)) {
                Matcher m = GC_PAUSE.matcher(line);
                if (m.find()) {
                    double t = Double.parseDouble(m.group(1)) - appAgeAtStart;
                    if (t >= from && t <= to) {
                        events.add(new double[] { t, Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)) });
                    }
                }
            }
        }
        catch (IOException e) {
            out.put("error", "cannot read " + log + ": " + e.getMessage());
            return out;
        }
        out.put("pauses_in_window", events.size());
        if (events.isEmpty() || (to - from) < 60) {
            return out;
        }
        // whole minutes only: the few seconds after the last one hold a pause or two, not a minute's lowest
        int wholeMinutes = (int) ((to - from) / 60);
        Map<Integer, Double> minimumByMinute = new java.util.TreeMap<>();
        for (double[] e : events) {
            int minute = (int) ((e[0] - from) / 60);
            if (minute < wholeMinutes) {
                minimumByMinute.merge(minute, e[1], Math::min);
            }
        }
        List<Map<String, Object>> minutes = new ArrayList<>();
        minimumByMinute.forEach((minute, mb) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("minute_from_s", ProcessSampler.round(from + minute * 60.0));
            m.put("min_after_gc_mb", mb);
            minutes.add(m);
        });
        double[] x = minimumByMinute.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
        double[] y = minimumByMinute.values().stream().mapToDouble(Double::doubleValue).toArray();
        out.put("slope_of_minute_minimums_mb_per_min", x.length < 2 ? null : ProcessSampler.round(slope(x, y)));
        out.put("minutes", minutes);
        out.put("committed_first_mb", events.get(0)[2]);
        out.put("committed_last_mb", events.get(events.size() - 1)[2]);
        out.put("committed_max_mb", events.stream().mapToDouble(e -> e[2]).max().orElse(0));
        return out;
    }

    /** How many requests took over 10, 30 and 60 s, and the ten slowest: when they started, how they ended. */
    static Map<String, Object> slowRequests(List<LoadDriver.Result> results, long start) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int seconds : new int[] { 10, 30, 60 }) {
            long limit = TimeUnit.SECONDS.toNanos(seconds);
            out.put("over_" + seconds + "_s", results.stream().filter(r -> r.totalNanos() > limit).count());
        }
        out.put("slowest", results.stream()
                .sorted(java.util.Comparator.comparingLong(LoadDriver.Result::totalNanos).reversed())
                .limit(10)
                .map(r -> {
                    Map<String, Object> slow = new LinkedHashMap<>();
                    slow.put("started_at_s", ProcessSampler.round((r.startNanos() - start) / 1e9));
                    slow.put("ttfb_ms", r.ttfbNanos() < 0 ? null : ProcessSampler.round(r.ttfbNanos() / 1e6));
                    slow.put("total_ms", ProcessSampler.round(r.totalNanos() / 1e6));
                    slow.put("ok", r.ok());
                    slow.put("error", r.error());
                    slow.put("conversation_id", r.conversationId());
                    return slow;
                })
                .toList());
        return out;
    }

    private static void writeIds(Path path, List<LoadDriver.Result> results) throws IOException {
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        try (BufferedWriter writer = Files.newBufferedWriter(path)) {
            for (LoadDriver.Result result : results) {
                String id = result.conversationId() == null ? "-" : result.conversationId();
                writer.write(result.ok() ? "ok " + id : "error " + id + " " + result.error().replace('\n', ' '));
                writer.newLine();
            }
        }
    }

    private static void sleepUntil(long deadlineNanos) {
        long left;
        while ((left = deadlineNanos - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
