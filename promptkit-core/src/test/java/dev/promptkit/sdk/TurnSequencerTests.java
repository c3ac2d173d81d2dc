/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class TurnSequencerTests {

    private final TurnSequencer sequencer = new TurnSequencer();

    @Test
    void turnsNeverOverlapAndRunInSubscriptionOrder() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        List<Integer> order = new CopyOnWriteArrayList<>();

        Flux.range(0, 50)
                .flatMap(i -> sequencer.serialize(Flux.defer(() -> {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    order.add(i);
                    return Flux.just(i).delayElements(Duration.ofMillis(1), Schedulers.parallel())
                            .doOnTerminate(running::decrementAndGet);
                })), 50)
                .blockLast(Duration.ofSeconds(10));

        assertThat(maxRunning).hasValue(1);
        assertThat(order).containsExactlyElementsOf(Flux.range(0, 50).collectList().block());
    }

    @Test
    void turnsChainedOnEachOthersResultRunSynchronously() {
        // The shape of an approval: settle the call, then continue the turn, all on the calling thread.
        Mono<String> decided = sequencer.serialize(Mono.just("settled"))
                .then(sequencer.serialize(Mono.<Void>empty()))
                .then(sequencer.serialize(Flux.just("continued")).next());

        StepVerifier.create(decided).expectNext("continued").expectComplete().verify(Duration.ofSeconds(1));
    }

    @Test
    void aFailedTurnReleasesTheNextOne() {
        Flux<String> failing = sequencer.serialize(Flux.error(new IllegalStateException("boom")));
        Flux<String> next = sequencer.serialize(Flux.just("ok"));

        assertThat(failing.onErrorReturn("failed").blockLast()).isEqualTo("failed");
        assertThat(next.blockLast(Duration.ofSeconds(1))).isEqualTo("ok");
    }

    @Test
    void aTurnCancelledWhileWaitingDoesNotLetTheThirdOvertakeTheFirst() {
        Sinks.Empty<Void> firstMayEnd = Sinks.empty();
        List<String> events = new CopyOnWriteArrayList<>();

        Disposable first = sequencer.serialize(Flux.defer(() -> {
            events.add("first started");
            return firstMayEnd.asMono().thenMany(Flux.just("first")).doOnTerminate(() -> events.add("first ended"));
        })).subscribe();
        Disposable second = sequencer.serialize(Flux.defer(() -> {
            events.add("second started");
            return Flux.just("second");
        })).subscribe();
        second.dispose();
        sequencer.serialize(Flux.defer(() -> {
            events.add("third started");
            return Flux.just("third");
        })).subscribe();

        assertThat(events).containsExactly("first started");
        firstMayEnd.tryEmitEmpty();
        assertThat(events).containsExactly("first started", "first ended", "third started");
        assertThat(first.isDisposed()).isTrue();
    }
}
