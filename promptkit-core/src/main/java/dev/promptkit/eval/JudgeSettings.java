/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import dev.promptkit.event.EventBus;
import dev.promptkit.provider.Provider;

import java.time.Duration;
import java.util.Objects;

/**
 * The model that {@code llm_judge} evals ask: any {@link Provider} (the mock one in tests), the model (an eval's
 * {@code params.model} overrides it), where the judge's provider calls are published (with their cost, like a
 * conversation's), and how long one verdict may take.
 *
 * <pre>{@code
 * EvalRegistry evals = EvalRegistry.standard(ValidatorRegistry.standard())
 *         .judge(JudgeSettings.of(openai).withModel("gpt-4o-mini").withEvents(bus));
 * }</pre>
 *
 * @param provider the judge's provider
 * @param model the judge's model; {@code null} for the provider's default model
 * @param events where the judge's {@code provider.call.*} events go; {@code null} for nowhere
 * @param timeout the longest a verdict may take; {@code null} for 60 seconds
 */
public record JudgeSettings(Provider provider, String model, EventBus events, Duration timeout) {

    public JudgeSettings {
        Objects.requireNonNull(provider, "provider");
        model = model == null || model.isBlank() ? provider.defaultModel() : model;
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The judge's timeout must be positive, got " + timeout);
        }
    }

    /** {@code provider} with its default model, no events, 60 seconds a verdict. */
    public static JudgeSettings of(Provider provider) {
        return new JudgeSettings(provider, null, null, null);
    }

    public JudgeSettings withModel(String newModel) {
        return new JudgeSettings(provider, newModel, events, timeout);
    }

    public JudgeSettings withEvents(EventBus bus) {
        return new JudgeSettings(provider, model, bus, timeout);
    }

    public JudgeSettings withTimeout(Duration newTimeout) {
        return new JudgeSettings(provider, model, events, newTimeout);
    }
}
