/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples one process's resident memory ({@code VmRSS} of {@code /proc/<pid>/status}) and CPU time
 * ({@code utime + stime} of {@code /proc/<pid>/stat}) every 100 ms on a daemon thread of its own.
 * Peak RSS is the largest sample (and the kernel's {@code VmHWM} is reported beside it); average CPU is the
 * CPU time used between {@link #start()} and {@link #stop()} over that wall time, in percent of one core. The CPU
 * time is also split by kind of thread (JIT compiler, garbage collector, the rest; see {@link ThreadCpu}), read
 * every second.
 */
final class ProcessSampler {

    static final long CLOCK_TICKS_PER_SECOND = clockTicks();

    private final long pid;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "proc-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long peakRssKb;
    private volatile long samples;
    private long startTicks;
    private long startNanos;
    private long cpuTicks;
    private long wallNanos;
    private long hwmKb;
    private ThreadCpu threads;
    private Map<ThreadCpu.Kind, Long> ticksByKind = Map.of();

    ProcessSampler(long pid) {
        this.pid = pid;
    }

    void start() {
        threads = new ThreadCpu(pid);
        startTicks = cpuTicks();
        startNanos = System.nanoTime();
        timer.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(threads::read, 1, 1, TimeUnit.SECONDS);
    }

    void stop() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        threads.read();
        ticksByKind = threads.ticksByKind();
        cpuTicks = cpuTicks() - startTicks;
        wallNanos = System.nanoTime() - startNanos;
        hwmKb = statusKb("VmHWM:");
    }

    private void sample() {
        long rss = statusKb("VmRSS:");
        if (rss > peakRssKb) {
            peakRssKb = rss;
        }
        samples++;
    }

    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pid", pid);
        out.put("samples", samples);
        out.put("peak_rss_mb", round(peakRssKb / 1024.0));
        out.put("vm_hwm_mb", round(hwmKb / 1024.0));
        double cpuSeconds = (double) cpuTicks / CLOCK_TICKS_PER_SECOND;
        out.put("cpu_seconds", round(cpuSeconds));
        out.put("avg_cpu_percent", round(wallNanos == 0 ? 0 : cpuSeconds / (wallNanos / 1e9) * 100));
        if (!Double.isNaN(cpuPercentOf(ThreadCpu.Kind.JIT))) {
            // shares of the CPU time the threads spent, by kind (a JVM still compiling spends a share on the JIT)
            out.put("cpu_jit_percent", round(cpuPercentOf(ThreadCpu.Kind.JIT)));
            out.put("cpu_gc_percent", round(cpuPercentOf(ThreadCpu.Kind.GC)));
        }
        return out;
    }

    double cpuSeconds() {
        return (double) cpuTicks / CLOCK_TICKS_PER_SECOND;
    }

    /** The share, in percent, of the threads' CPU time that threads of {@code kind} spent; NaN when none was read. */
    double cpuPercentOf(ThreadCpu.Kind kind) {
        long threadTicks = ticksByKind.values().stream().mapToLong(Long::longValue).sum();
        return threadTicks == 0 ? Double.NaN : 100.0 * ticksByKind.get(kind) / threadTicks;
    }

    private long statusKb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        }
        catch (IOException | RuntimeException e) {
            // the process is gone: keep what was sampled
        }
        return 0;
    }

    private long cpuTicks() {
        try {
            return cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        }
        catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The CPU ticks ({@code utime + stime}) of a {@code /proc/<pid>/stat} or {@code /proc/<pid>/task/<tid>/stat} line. */
    static long cpuTicks(String stat) {
        // the command name (field 2) may hold spaces: count fields after its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime (14), stime (15)
    }

    private static long clockTicks() {
        try {
            Process process = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor(2, TimeUnit.SECONDS);
            return Long.parseLong(out);
        }
        catch (IOException | RuntimeException e) {
            return 100;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
