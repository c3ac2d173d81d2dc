/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.state;

import dev.promptkit.provider.ForwardingProvider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.Response;
import dev.promptkit.state.ConversationConflictException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The mock provider answering "Done.", holding every call until {@code expected} calls have arrived, so that turns
 * of two applications are answered on the same history for certain, without timing.
 */
final class OverlappingProvider extends ForwardingProvider {

    private final int expected;
    private final AtomicInteger arrived = new AtomicInteger();
    private final Sinks.Empty<Void> allArrived = Sinks.empty();

    OverlappingProvider(int expected) {
        super(MockProvider.builder().name("overlapping").script(MockScript.parse("defaultResponse: \"Done.\"")).build());
        this.expected = expected;
    }

    /**
     * Sends one message to conversation {@code id} from each application at once; each outcome is the answer's text
     * or the {@link ConversationConflictException} the application got.
     */
    static List<Object> sendFromEach(String id, ApplicationContext... applications) {
        return Flux.fromArray(applications)
                .flatMap(app -> app.getBean(Conversations.class).resumeAsync(id)
                        .flatMap(chat -> chat.sendAsync("Where is my order?")).<Object>map(Response::text)
                        .onErrorResume(ConversationConflictException.class, Mono::just)
                        .subscribeOn(Schedulers.parallel()))
                .collectList().block(Duration.ofSeconds(20));
    }

    @Override
    public Flux<ProviderChunk> stream(ProviderRequest request) {
        return Flux.defer(() -> {
            if (arrived.incrementAndGet() >= expected) {
                allArrived.tryEmitEmpty();
            }
            return allArrived.asMono().thenMany(super.stream(request));
        });
    }
}
