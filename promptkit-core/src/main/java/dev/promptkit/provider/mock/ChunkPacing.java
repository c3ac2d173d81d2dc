/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import dev.promptkit.provider.ProviderChunk;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * When the chunks of a mock reply are emitted: the first after {@code firstChunkDelay}, each later one
 * {@code chunkDelay} after the one before. Waits run on Reactor's timer ({@link Schedulers#parallel()}), so
 * cancelling the stream cancels the pending wait; with both delays zero the stream is left as it is,
 * synchronous.
 */
record ChunkPacing(Duration firstChunkDelay, Duration chunkDelay) {

    Flux<ProviderChunk> apply(Flux<ProviderChunk> chunks) {
        if (firstChunkDelay.isZero() && chunkDelay.isZero()) {
            return chunks;
        }
        Scheduler timer = Schedulers.parallel();
        return chunks.index().concatMap(indexed -> Mono
                .delay(indexed.getT1() == 0 ? firstChunkDelay : chunkDelay, timer)
                .thenReturn(indexed.getT2()));
    }
}
