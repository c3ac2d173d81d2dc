/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import java.time.Duration;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Fails a stream that goes quiet for longer than a timeout. Unlike {@link Flux#timeout(Duration)}, which
 * schedules a timer task for every element, it records the time of each element and checks it from
 * one periodic task per stream, so its cost per element is one clock read. The failure comes between
 * one and one and a quarter timeouts after the last element (or the subscription, if none came). Used for the
 * silence of a provider's HTTP body and of its chunks in the pipeline, on every element of every stream.
 *
 * @since 0.1.0
 */
public final class IdleTimeout {

    private static final int CHECKS_PER_TIMEOUT = 4;

    private IdleTimeout() {
    }

    /**
     * {@code source}, failing with what {@code failure} supplies once it has been quiet for {@code timeout},
     * checked on {@code timer}; the source is cancelled then.
     */
    public static <T> Flux<T> apply(Flux<T> source, Duration timeout, Scheduler timer, Supplier<Throwable> failure) {
        long timeoutNanos = timeout.toNanos();
        Duration checkPeriod = timeout.dividedBy(CHECKS_PER_TIMEOUT);
        return Flux.defer(() -> {
            LastActivity activity = new LastActivity();
            Mono<Long> quiet = Flux.interval(checkPeriod, checkPeriod, timer)
                    .filter(tick -> activity.quietFor(timeoutNanos))
                    .next()
                    .doOnNext(tick -> activity.expired = true);
            return source.doOnNext(element -> activity.touch())
                    .takeUntilOther(quiet)
                    .concatWith(Mono.defer(() -> activity.expired ? Mono.error(failure) : Mono.empty()));
        });
    }

    /** When the stream last showed life; written by the stream's thread, read by the timer's. */
    private static final class LastActivity {
        private volatile long lastNanos = System.nanoTime();
        private volatile boolean expired;

        void touch() {
            lastNanos = System.nanoTime();
        }

        boolean quietFor(long nanos) {
            return System.nanoTime() - lastNanos > nanos;
        }
    }
}
