/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.reliability;

import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.TokenUsage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers every request with {@code "echo: <the last user message>"}, so each stored answer names the
 * message it belongs to; records the requests, and can run a step before it answers (to break something
 * in the middle of a turn).
 */
final class EchoProvider implements Provider {

    final List<ProviderRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Function<ProviderRequest, Mono<Void>> beforeAnswer = request -> Mono.empty();

    static String answerTo(String userText) {
        return "echo: " + userText;
    }

    EchoProvider beforeAnswer(Function<ProviderRequest, Mono<Void>> step) {
        this.beforeAnswer = step;
        return this;
    }

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String type() {
        return "echo";
    }

    @Override
    public String defaultModel() {
        return "echo-1";
    }

    @Override
    public Flux<ProviderChunk> stream(ProviderRequest request) {
        return Flux.defer(() -> {
            requests.add(request);
            String last = request.messages().stream().filter(m -> m.role() == Role.USER).reduce((a, b) -> b)
                    .map(Message::text).orElse("");
            return beforeAnswer.apply(request).thenMany(Flux.just(ProviderChunk.text(answerTo(last)),
                    ProviderChunk.finish("stop", TokenUsage.of(1, 1))));
        });
    }
}
