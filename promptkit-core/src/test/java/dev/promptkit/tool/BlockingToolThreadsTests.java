/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Blocking handlers run all at once (200 handlers that each wait until all 200 are running), on platform threads
 * on every JVM and on virtual threads where the JVM has them; a handler past its time-out is interrupted and frees
 * its thread; one that ignores the interruption keeps it, and is counted and reported.
 */
class BlockingToolThreadsTests {

    private static final int CALLS = 200;
    private static final Duration LONG_ENOUGH = Duration.ofSeconds(60);

    /** {@value #CALLS} calls whose handlers each return only once all of them are running at the same time. */
    private static List<Object> callsThatAllMeet(BlockingToolThreads threads, List<Thread> ranOn) {
        CyclicBarrier allRunning = new CyclicBarrier(CALLS);
        return Flux.range(0, CALLS)
                .flatMap(i -> threads.call("meet", () -> {
                    ranOn.add(Thread.currentThread());
                    allRunning.await(30, TimeUnit.SECONDS);
                    return "met";
                }), CALLS)
                .collectList().block(LONG_ENOUGH);
    }

    @Test
    void twoHundredBlockingHandlersRunAtOnceOnTheDefaultPlatformPool() {
        try (BlockingToolThreads threads = BlockingToolThreads.platformThreads(BlockingToolThreads.DEFAULT_MAX_THREADS,
                BlockingToolThreads.DEFAULT_KEEP_ALIVE)) {
            List<Thread> ranOn = new java.util.concurrent.CopyOnWriteArrayList<>();

            assertThat(callsThatAllMeet(threads, ranOn)).hasSize(CALLS).containsOnly("met");
            assertThat(ranOn).allSatisfy(thread -> assertThat(thread.getName()).startsWith("promptkit-tool-"))
                    .allMatch(Thread::isDaemon);
            assertThat(threads.virtual()).isFalse();
            assertThat(threads.maxThreads()).isEqualTo(512);
        }
    }

    @Test
    void virtualThreadsRunEveryCallAtOnceWhereTheJvmHasThemAndAreRefusedClearlyWhereItHasNot() throws Exception {
        if (Runtime.version().feature() < 21) {
            assertThat(BlockingToolThreads.virtualThreadsAvailable()).isFalse();
            assertThatThrownBy(BlockingToolThreads::virtualThreads).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Virtual threads need Java 21 or later; this JVM is Java "
                            + Runtime.version().feature());
            return;
        }
        try (BlockingToolThreads threads = BlockingToolThreads.virtualThreads()) {
            List<Thread> ranOn = new java.util.concurrent.CopyOnWriteArrayList<>();

            assertThat(callsThatAllMeet(threads, ranOn)).hasSize(CALLS).containsOnly("met");
            java.lang.reflect.Method isVirtual = Thread.class.getMethod("isVirtual");
            for (Thread thread : ranOn) {
                assertThat(isVirtual.invoke(thread)).isEqualTo(true);
                assertThat(thread.getName()).startsWith("promptkit-tool-");
            }
            assertThat(threads.virtual()).isTrue();
            assertThat(threads.maxThreads()).isEqualTo(-1);
        }
    }

    @Test
    void theSharedThreadsAreVirtualFromJava24AndThePlatformPoolBefore() {
        boolean java24 = Runtime.version().feature() >= 24;

        assertThat(BlockingToolThreads.virtualThreadsByDefault()).isEqualTo(java24);
        assertThat(BlockingToolThreads.shared().virtual()).isEqualTo(java24);
        assertThat(BlockingToolThreads.shared().maxThreads()).isEqualTo(java24 ? -1 : 512);
    }

    @Test
    void aHandlerPastItsTimeOutIsInterruptedAndItsThreadServesTheNextCall() throws Exception {
        try (BlockingToolThreads oneThread = BlockingToolThreads.platformThreads(1, Duration.ofSeconds(60))) {
            CountDownLatch never = new CountDownLatch(1);
            CountDownLatch interrupted = new CountDownLatch(1);

            assertThatThrownBy(() -> oneThread.call("stuck", () -> {
                try {
                    return never.await(60, TimeUnit.SECONDS);
                }
                catch (InterruptedException ex) {
                    interrupted.countDown();
                    throw ex;
                }
            }).timeout(Duration.ofMillis(200)).block(LONG_ENOUGH)).hasCauseInstanceOf(TimeoutException.class);

            assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the handler was interrupted").isTrue();
            // the only thread is free again long before the stuck handler's own 60 s were up
            assertThat(oneThread.call("next", () -> "served").block(Duration.ofSeconds(30))).isEqualTo("served");
            assertThat(oneThread.overrunning()).isZero();
            assertThat(oneThread.running()).isZero();
        }
    }

    @Test
    void aHandlerThatIgnoresInterruptionKeepsItsThreadUntilItReturnsAndIsReportedOnce() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(BlockingToolThreads.class);
        log.start();
        logger.addAppender(log);
        try (BlockingToolThreads oneThread = BlockingToolThreads.platformThreads(1, Duration.ofSeconds(60))) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch shrugged = new CountDownLatch(1);

            assertThatThrownBy(() -> oneThread.call("stubborn", () -> {
                while (true) {
                    try {
                        release.await();
                        return "late";
                    }
                    catch (InterruptedException ex) {
                        shrugged.countDown();
                    }
                }
            }).timeout(Duration.ofMillis(200)).block(LONG_ENOUGH)).hasCauseInstanceOf(TimeoutException.class);
            assertThat(shrugged.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(oneThread.overrunning()).isEqualTo(1);
            assertThat(oneThread.running()).isEqualTo(1);
            java.util.concurrent.CompletableFuture<Object> next = oneThread.call("next", () -> "served").toFuture();
            assertThat(oneThread.waiting()).as("the next call waits: the stubborn handler holds the only thread")
                    .isEqualTo(1);

            release.countDown();
            assertThat(next.get(30, TimeUnit.SECONDS)).isEqualTo("served");
            assertThat(oneThread.overrunning()).isZero();
            assertThat(log.list).filteredOn(event -> event.getLevel() == Level.WARN).singleElement()
                    .satisfies(event -> assertThat(event.getFormattedMessage())
                            .startsWith("Tool 'stubborn': its handler returned ")
                            .contains("after its call was given up (time-out or cancelled turn) and its thread "
                                    + "interrupted; the result was thrown away"));
        }
        finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void aCallGivenUpWhileWaitingForAThreadNeverRuns() throws Exception {
        try (BlockingToolThreads oneThread = BlockingToolThreads.platformThreads(1, Duration.ofSeconds(60))) {
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger waitedRuns = new AtomicInteger();
            java.util.concurrent.CompletableFuture<Object> first = oneThread.call("first",
                    () -> release.await(30, TimeUnit.SECONDS)).toFuture();
            Disposable waiting = oneThread.call("waiting", waitedRuns::incrementAndGet).subscribe();
            assertThat(oneThread.waiting()).isEqualTo(1);

            waiting.dispose();
            assertThat(oneThread.waiting()).as("the given-up call left the queue").isZero();
            release.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(true);
            // one thread, calls in order: once this one ran, the given-up call had its turn
            assertThat(oneThread.call("last", () -> "ran").block(Duration.ofSeconds(30))).isEqualTo("ran");
            assertThat(waitedRuns).hasValue(0);
            assertThat(oneThread.overrunning()).isZero();
        }
    }

    @Test
    void aCallAfterCloseFailsWithAToolError() {
        BlockingToolThreads threads = BlockingToolThreads.platformThreads(4, Duration.ofSeconds(60));
        threads.close();

        assertThatThrownBy(() -> threads.call("late", () -> "never").block(LONG_ENOUGH))
                .isInstanceOf(ToolException.class)
                .hasMessage("Tool 'late': its handler cannot run: the blocking tool threads are shut down");
    }

    @Test
    void badSizesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> BlockingToolThreads.platformThreads(0, Duration.ofSeconds(1)))
                .hasMessage("maxThreads must be at least 1, was 0");
        assertThatThrownBy(() -> BlockingToolThreads.platformThreads(1, Duration.ZERO))
                .hasMessage("keepAlive must be positive, was PT0S");
    }

    @Test
    void aNonBlockingHandlerIsCalledOnTheSubscribingThread() {
        Thread caller = Thread.currentThread();
        AtomicInteger calledOnCaller = new AtomicInteger();
        LocalToolExecutor executor = LocalToolExecutor.nonBlocking((context, arguments) -> {
            if (Thread.currentThread() == caller) {
                calledOnCaller.incrementAndGet();
            }
            return Mono.just("assembled");
        });

        String answer = executor.execute(dev.promptkit.types.ToolCall.of("call-1", "get_time", java.util.Map.of()),
                new ToolContext("conversation", "call-1", "get_time")).block(LONG_ENOUGH);

        assertThat(answer).isEqualTo("assembled");
        assertThat(calledOnCaller).hasValue(1);
    }
}
