/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;

/**
 * Marks the upstream failures of a provider's answer that come after some of it reached the caller as
 * {@link ProviderException.Kind#INTERRUPTED} (see {@link ProviderException#afterOutput()}): a caller that already
 * showed part of an answer learns that the upstream broke it off, not that the call could not be made.
 *
 * @since 0.1.0
 */
public final class MidStreamFailures {

    private MidStreamFailures() {
    }

    /** {@code answer}, its upstream failures after the first chunk marked as interrupted. */
    public static Flux<ProviderChunk> mark(Flux<ProviderChunk> answer) {
        return Flux.defer(() -> {
            AtomicBoolean delivered = new AtomicBoolean();
            return answer.doOnNext(chunk -> delivered.set(true))
                    .onErrorMap(failure -> delivered.get() && failure instanceof ProviderException,
                            failure -> ((ProviderException) failure).afterOutput());
        });
    }
}
