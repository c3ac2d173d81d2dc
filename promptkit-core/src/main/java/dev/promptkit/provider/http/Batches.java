/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Embeds any number of texts in batches of a provider's size, one request after another, keeping their order. */
final class Batches {

    private Batches() {
    }

    static Mono<List<float[]>> embed(List<String> texts, int maxBatchSize,
            Function<List<String>, Mono<List<float[]>>> batchCall) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null || texts.get(i).isBlank()) {
                return Mono.error(new IllegalArgumentException("text " + i + " is blank; it cannot be embedded"));
            }
        }
        List<List<String>> batches = new ArrayList<>();
        for (int start = 0; start < texts.size(); start += maxBatchSize) {
            batches.add(List.copyOf(texts.subList(start, Math.min(texts.size(), start + maxBatchSize))));
        }
        return Flux.fromIterable(batches).concatMap(batchCall).collectList().map(results -> {
            List<float[]> vectors = new ArrayList<>(texts.size());
            results.forEach(vectors::addAll);
            return vectors;
        });
    }
}
