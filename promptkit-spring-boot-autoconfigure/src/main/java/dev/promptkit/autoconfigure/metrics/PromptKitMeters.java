/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.metrics;

import dev.promptkit.event.ConcurrencyRejectedEvent;
import dev.promptkit.event.ConnectionResendEvent;
import dev.promptkit.event.Event;
import dev.promptkit.event.EventBus;
import dev.promptkit.event.Phase;
import dev.promptkit.event.ProviderCallEvent;
import dev.promptkit.event.StreamRetryEvent;
import dev.promptkit.event.ToolCallEvent;
import dev.promptkit.event.ValidationEvent;
import dev.promptkit.types.CostInfo;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records PromptKit's events as Micrometer meters (listening synchronously, so no event is dropped):
 * <ul>
 * <li>{@code promptkit.provider.requests} timer: provider, model, prompt, outcome;</li>
 * <li>{@code promptkit.provider.tokens} counter: provider, model, prompt, type (input, output, cached);</li>
 * <li>{@code promptkit.provider.cost} counter in USD: provider, model, prompt;</li>
 * <li>{@code promptkit.stream.first.chunk} timer: provider, model;</li>
 * <li>{@code promptkit.streams.active} gauge: provider;</li>
 * <li>{@code promptkit.tool.calls} timer: tool, outcome;</li>
 * <li>{@code promptkit.validations} counter: validator, outcome;</li>
 * <li>{@code promptkit.stream.retries} counter: provider, outcome;</li>
 * <li>{@code promptkit.provider.resends} counter: provider (requests sent again on a new connection because a
 * reused one had been closed by the server);</li>
 * <li>{@code promptkit.stream.rejections} counter: provider, reason.</li>
 * </ul>
 * Tags have bounded cardinality: never a conversation id. The retry and rejection counters of the configured
 * providers exist from the start, at zero ({@link #registerProviders}).
 *
 * @since 0.1.0
 */
public final class PromptKitMeters {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> activeStreams = new ConcurrentHashMap<>();

    public PromptKitMeters(MeterRegistry registry, EventBus events) {
        this.registry = registry;
        events.subscribeSynchronous(this::record);
    }

    private void record(Event event) {
        if (event instanceof ProviderCallEvent call) {
            providerCall(call);
        }
        else if (event instanceof ToolCallEvent tool && tool.phase() != Phase.STARTED) {
            Timer.builder("promptkit.tool.calls").description("Tool calls the models made")
                    .tags("tool", tool.toolName(), "outcome", outcome(tool.phase())).register(registry)
                    .record(tool.duration());
        }
        else if (event instanceof ValidationEvent validation) {
            Counter.builder("promptkit.validations").description("Validator results")
                    .tags("validator", validation.validatorType(), "outcome", validation.passed() ? "passed" : "failed")
                    .register(registry).increment();
        }
        else if (event instanceof StreamRetryEvent retry) {
            retries(retry.provider(), retry.outcome()).increment();
        }
        else if (event instanceof ConnectionResendEvent resend) {
            Counter.builder("promptkit.provider.resends")
                    .description("Provider requests sent again on a new connection after a reused one had been closed")
                    .tags("provider", resend.provider()).register(registry).increment();
        }
        else if (event instanceof ConcurrencyRejectedEvent rejected) {
            rejections(rejected.provider(), rejected.reason()).increment();
        }
    }

    /**
     * Registers the retry and rejection counters of these providers at zero, so that dashboards show 0 for a
     * healthy application rather than no data until the first retry or rejection.
     */
    public void registerProviders(Collection<String> providers) {
        for (String provider : providers) {
            StreamRetryEvent.OUTCOMES.forEach(outcome -> retries(provider, outcome));
            ConcurrencyRejectedEvent.REASONS.forEach(reason -> rejections(provider, reason));
        }
    }

    private Counter retries(String provider, String outcome) {
        return Counter.builder("promptkit.stream.retries").description("Provider requests retried before their first chunk")
                .tags("provider", provider, "outcome", outcome).register(registry);
    }

    private Counter rejections(String provider, String reason) {
        return Counter.builder("promptkit.stream.rejections")
                .description("Provider requests turned away by the in-flight limit")
                .tags("provider", provider, "reason", reason).register(registry);
    }

    private void providerCall(ProviderCallEvent call) {
        AtomicInteger active = activeStreams.computeIfAbsent(call.provider(), this::activeGauge);
        if (call.phase() == Phase.STARTED) {
            active.incrementAndGet();
            return;
        }
        active.decrementAndGet();
        Tags tags = Tags.of("provider", call.provider(), "model", String.valueOf(call.model()), "prompt",
                String.valueOf(call.promptName()));
        Timer.builder("promptkit.provider.requests").description("Provider calls")
                .tags(tags.and("outcome", outcome(call.phase()))).register(registry).record(call.duration());
        if (call.firstChunk() != null) {
            Timer.builder("promptkit.stream.first.chunk").description("Time to a provider's first chunk")
                    .tags("provider", call.provider(), "model", String.valueOf(call.model())).register(registry)
                    .record(call.firstChunk());
        }
        CostInfo cost = call.cost();
        if (cost != null) {
            tokens(tags, "input", cost.inputTokens());
            tokens(tags, "output", cost.outputTokens());
            tokens(tags, "cached", cost.cachedTokens());
            tokens(tags, "cache_write", cost.cacheWriteTokens());
            tokens(tags, "reasoning", cost.reasoningTokens());
            Counter.builder("promptkit.provider.cost").description("What provider calls cost").baseUnit("USD")
                    .tags(tags).register(registry).increment(cost.totalCostUsd().doubleValue());
        }
    }

    private void tokens(Tags tags, String type, long count) {
        Counter.builder("promptkit.provider.tokens").description("Tokens sent to and received from providers")
                .baseUnit("tokens").tags(tags.and("type", type)).register(registry).increment(count);
    }

    private AtomicInteger activeGauge(String provider) {
        AtomicInteger active = new AtomicInteger();
        Gauge.builder("promptkit.streams.active", active, AtomicInteger::get)
                .description("Provider streams in flight").tags("provider", provider).register(registry);
        return active;
    }

    private static String outcome(Phase phase) {
        return phase == Phase.COMPLETED ? "success" : "error";
    }
}
