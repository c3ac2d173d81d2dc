/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * Where tool handlers that may block (JDBC, {@code RestClient}, a JDK {@code HttpClient.send}) run: never on an
 * event loop, and never few enough to cap throughput. Either one virtual thread per call (Java 21 and later) or a
 * pool of platform threads sized for I/O-bound work ({@value #DEFAULT_MAX_THREADS} by default, created on demand
 * and retired when idle), where calls beyond the pool's size wait for a thread.
 *
 * <p>A call that is given up on (its tool time-out passed, or the turn was cancelled) has its thread interrupted:
 * blocking I/O, {@code Thread.sleep} and lock waits end with an exception, and the thread is free again. A handler
 * that ignores interruption keeps its thread until it returns: its result is thrown away, it counts as
 * {@link #overrunning()} until then, and one warning per tool says so. On platform threads, enough of those can
 * hold every thread of the pool; on virtual threads each holds only its own.
 *
 * <p>{@link #shared()} is what handlers get unless told otherwise: virtual threads where
 * {@link #virtualThreadsByDefault()}, else a pool of {@value #DEFAULT_MAX_THREADS}.
 *
 * @since 0.1.0
 */
public final class BlockingToolThreads implements AutoCloseable {

    /** The default size of the platform-thread pool: 2,000 streams whose tool takes 500 ms need about 350. */
    public static final int DEFAULT_MAX_THREADS = 512;

    /** How long an idle platform thread is kept by default. */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(60);

    private static final String THREAD_NAME_PREFIX = "promptkit-tool-";

    private final ExecutorService executor;
    private final ThreadPoolExecutor pool;
    private final BlockingCallCounters counters = new BlockingCallCounters();

    private BlockingToolThreads(ExecutorService executor, ThreadPoolExecutor pool) {
        this.executor = executor;
        this.pool = pool;
    }

    /**
     * One new virtual thread per call.
     *
     * @throws IllegalStateException on a JVM without virtual threads (before Java 21)
     */
    public static BlockingToolThreads virtualThreads() {
        return new BlockingToolThreads(VirtualThreads.perTaskExecutor(THREAD_NAME_PREFIX), null);
    }

    /**
     * A pool of at most {@code maxThreads} platform (daemon) threads, made when calls need them and retired after
     * {@code keepAlive} idle; calls beyond {@code maxThreads} wait for a thread (the wait counts towards the tool's
     * time-out).
     */
    public static BlockingToolThreads platformThreads(int maxThreads, Duration keepAlive) {
        if (maxThreads < 1) {
            throw new IllegalArgumentException("maxThreads must be at least 1, was " + maxThreads);
        }
        Objects.requireNonNull(keepAlive, "keepAlive");
        if (keepAlive.isNegative() || keepAlive.isZero()) {
            throw new IllegalArgumentException("keepAlive must be positive, was " + keepAlive);
        }
        ThreadPoolExecutor pool = new ThreadPoolExecutor(maxThreads, maxThreads, keepAlive.toNanos(),
                TimeUnit.NANOSECONDS, new LinkedBlockingQueue<>(), daemonThreads());
        pool.allowCoreThreadTimeOut(true);
        return new BlockingToolThreads(pool, pool);
    }

    /** The threads handlers run on unless told otherwise: one set per JVM, made on first use, never closed. */
    public static BlockingToolThreads shared() {
        return Shared.INSTANCE;
    }

    /** Whether this JVM has virtual threads (Java 21 and later). */
    public static boolean virtualThreadsAvailable() {
        return VirtualThreads.available();
    }

    /**
     * Whether blocking handlers use virtual threads when nothing says otherwise: from Java 24, where a virtual
     * thread that blocks inside {@code synchronized} no longer pins its carrier thread (JEP 491). Before that, a
     * driver that does I/O under a monitor (several JDBC drivers do) would hold one of the few carrier threads (one
     * per core) for the whole call, so that a handful of calls could stall every virtual thread of the JVM.
     */
    public static boolean virtualThreadsByDefault() {
        return Runtime.version().feature() >= 24 && virtualThreadsAvailable();
    }

    /**
     * Runs {@code work} on one of these threads. The {@link Mono} emits what it returns (empty for {@code null}) or
     * its exception; cancelling the {@code Mono} interrupts the thread, or drops the call if it has not started.
     * When these threads are closed, the call fails with a {@link ToolException}.
     */
    public Mono<Object> call(String toolName, Callable<?> work) {
        return Mono.create(sink -> {
            BlockingCall call = new BlockingCall(toolName, work, sink, counters);
            try {
                call.started(executor.submit(call));
            }
            catch (RejectedExecutionException ex) {
                sink.error(new ToolException(toolName, "its handler cannot run: the blocking tool threads are shut down",
                        ex));
                return;
            }
            sink.onCancel(() -> {
                if (call.abandon() && pool != null) {
                    pool.remove((Runnable) call.future());
                }
            });
        });
    }

    /** Whether calls run on virtual threads. */
    public boolean virtual() {
        return pool == null;
    }

    /** The most calls that run at once: the pool's size, or {@code -1} on virtual threads (no limit). */
    public int maxThreads() {
        return pool == null ? -1 : pool.getMaximumPoolSize();
    }

    /** Handlers running now. */
    public int running() {
        return counters.running();
    }

    /** Calls waiting for a platform thread (always 0 on virtual threads); a call given up on leaves the queue. */
    public int waiting() {
        return pool == null ? 0 : pool.getQueue().size();
    }

    /** Handlers still running although their call was given up on (they ignored the interruption). */
    public int overrunning() {
        return counters.overrunning();
    }

    /** Stops taking calls and interrupts the handlers still running. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return virtual() ? "virtual threads" : "platform threads (at most " + maxThreads() + ")";
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, THREAD_NAME_PREFIX + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The JVM's shared instance, made on first use. */
    private static final class Shared {
        static final BlockingToolThreads INSTANCE = virtualThreadsByDefault() ? virtualThreads()
                : platformThreads(DEFAULT_MAX_THREADS, DEFAULT_KEEP_ALIVE);
    }

    /** Virtual threads by reflection, so that this class compiles for and runs on Java 17. */
    private static final class VirtualThreads {

        static boolean available() {
            if (Runtime.version().feature() < 21) {
                return false;
            }
            try {
                Thread.class.getMethod("ofVirtual");
                return true;
            }
            catch (NoSuchMethodException ex) {
                return false;
            }
        }

        static ExecutorService perTaskExecutor(String namePrefix) {
            if (!available()) {
                throw new IllegalStateException("Virtual threads need Java 21 or later; this JVM is Java "
                        + Runtime.version().feature());
            }
            try {
                Class<?> builderType = Class.forName("java.lang.Thread$Builder");
                Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
                builder = builderType.getMethod("name", String.class, long.class).invoke(builder, namePrefix, 0L);
                ThreadFactory factory = (ThreadFactory) builderType.getMethod("factory").invoke(builder);
                return (ExecutorService) Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class)
                        .invoke(null, factory);
            }
            catch (ReflectiveOperationException ex) {
                throw new IllegalStateException("Cannot create virtual threads on Java "
                        + Runtime.version().feature() + ": " + ex, ex);
            }
        }
    }
}
