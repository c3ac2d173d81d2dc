/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Splits one JVM's CPU time by the kind of thread that spent it, from {@code /proc/<pid>/task/<tid>/stat}: the JIT
 * compiler threads ({@code C1/C2 CompilerThread}), the garbage collector's threads ({@code GC Thread}, {@code G1 ...},
 * and the {@code VM Thread}, whose safepoint operations are mostly collections), and every other thread (the work
 * itself: event loops, tool threads, the application). A JVM that is still compiling its hot code spends a share of
 * its CPU on the JIT that a longer-running one would not; this tells how much.
 *
 * <p>Counters are cumulative per thread, so reading them now and then ({@link #read()}) and keeping each thread's
 * last value keeps the time of threads that end during the run (the JVM retires idle compiler threads).
 */
final class ThreadCpu {

    /** The kinds of thread, by the name the kernel keeps (the first 15 characters of the Java thread's name). */
    enum Kind { JIT, GC, WORK }

    private final long pid;
    private final Map<Long, Long> startTicks;
    private final Map<Long, Long> lastTicks = new HashMap<>();
    private final Map<Long, Kind> kinds = new HashMap<>();

    ThreadCpu(long pid) {
        this.pid = pid;
        read();
        this.startTicks = new HashMap<>(lastTicks);
    }

    /** Reads every thread's counters; called from one thread (the sampler's) only. */
    synchronized void read() {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(this::readThread);
        }
        catch (IOException | RuntimeException gone) {
            // the process or a thread ended: keep what was read
        }
    }

    /** CPU ticks spent since construction, by kind of thread. */
    synchronized Map<Kind, Long> ticksByKind() {
        Map<Kind, Long> out = new HashMap<>();
        for (Kind kind : Kind.values()) {
            out.put(kind, 0L);
        }
        lastTicks.forEach((tid, ticks) -> out.merge(kinds.get(tid), ticks - startTicks.getOrDefault(tid, 0L),
                Long::sum));
        return out;
    }

    private void readThread(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            long ticks = ProcessSampler.cpuTicks(stat);
            long tid = Long.parseLong(task.getFileName().toString());
            lastTicks.merge(tid, ticks, Math::max);
            kinds.putIfAbsent(tid, kindOf(name));
        }
        catch (IOException | RuntimeException gone) {
            // the thread ended between listing and reading
        }
    }

    static Kind kindOf(String threadName) {
        if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre")) {
            return Kind.JIT;
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) {
            return Kind.GC;
        }
        return Kind.WORK;
    }
}
