/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.context;

import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.ProviderResponse;
import dev.promptkit.types.Message;
import dev.promptkit.types.ModelParameters;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * A {@link Summarizer} that asks a model: it sends the messages as a transcript ({@code user: ...} lines, tool
 * calls and results included) in one user message, under the system instruction {@link #INSTRUCTION}, with
 * {@code max_tokens} set to the room the summary has. A transcript rather than the messages themselves, so
 * that tool calls need no tool definitions and every provider accepts the request.
 *
 * @since 0.1.0
 */
public final class ProviderSummarizer implements Summarizer {

    /** The system instruction of every summarisation request. */
    public static final String INSTRUCTION = "Summarise the conversation below for the assistant that continues"
            + " it. Keep the facts, names, numbers, decisions, tool results and open questions it may need; leave"
            + " out greetings and repetition. Answer with the summary only.";

    private final Provider provider;
    private final String model;

    /**
     * @param model the model asked for; {@code null} for the provider's default
     */
    public ProviderSummarizer(Provider provider, String model) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.model = model;
    }

    @Override
    public Mono<String> summarize(List<Message> messages, int maxTokens) {
        return Mono.defer(() -> {
            ModelParameters parameters = new ModelParameters(null, maxTokens, null, null, null, null, null);
            ProviderRequest request = new ProviderRequest(model, INSTRUCTION,
                    List.of(Message.user(MessageText.transcript(messages))), null, null, parameters, null, null);
            return provider.call(request).map(ProviderResponse::text);
        });
    }
}
