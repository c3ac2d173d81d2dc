/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.provider;

import dev.promptkit.provider.ForwardingProvider;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Flux;

/**
 * A provider whose every call is a Micrometer {@link Observation} named {@code gen_ai.client.operation},
 * with the OpenTelemetry GenAI attribute names ({@code gen_ai.operation.name}, {@code gen_ai.system},
 * {@code gen_ai.request.model}, {@code gen_ai.usage.input_tokens}, {@code gen_ai.usage.output_tokens},
 * {@code gen_ai.response.finish_reasons}), so that calls appear in traces with their tokens.
 */
final class ObservedProvider extends ForwardingProvider {

    static final String OBSERVATION_NAME = "gen_ai.client.operation";

    /** Where Micrometer's context propagation looks for the current observation in a Reactor context. */
    private static final String OBSERVATION_CONTEXT_KEY = "micrometer.observation";

    private final ObservationRegistry observations;

    ObservedProvider(Provider delegate, ObservationRegistry observations) {
        super(delegate);
        this.observations = observations;
    }

    @Override
    public Flux<ProviderChunk> stream(ProviderRequest request) {
        return Flux.defer(() -> {
            String model = request.model() != null ? request.model() : defaultModel();
            Observation observation = Observation.createNotStarted(OBSERVATION_NAME, observations)
                    .contextualName("chat " + model)
                    .lowCardinalityKeyValue("gen_ai.operation.name", "chat")
                    .lowCardinalityKeyValue("gen_ai.system", type())
                    .lowCardinalityKeyValue("gen_ai.request.model", model)
                    .start();
            return super.stream(request)
                    .doOnNext(chunk -> {
                        if (chunk.isFinish()) {
                            observation.highCardinalityKeyValue("gen_ai.usage.input_tokens",
                                    String.valueOf(chunk.usage().inputTokens() + chunk.usage().cachedTokens()
                                            + chunk.usage().cacheWriteTokens()))
                                    .highCardinalityKeyValue("gen_ai.usage.output_tokens",
                                            String.valueOf(chunk.usage().outputTokens()))
                                    .highCardinalityKeyValue("gen_ai.response.finish_reasons",
                                            String.valueOf(chunk.finishReason()));
                        }
                    })
                    .doOnError(observation::error)
                    .doFinally(signal -> observation.stop())
                    .contextWrite(context -> context.put(OBSERVATION_CONTEXT_KEY, observation));
        });
    }
}
