/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.event.ConcurrencyRejectedEvent;
import dev.promptkit.event.ConnectionResendEvent;
import dev.promptkit.event.EventBus;
import dev.promptkit.event.StreamRetryEvent;
import dev.promptkit.provider.ProviderException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Publishes what a provider's resilience layer did (retries, re-sends on a new connection, an empty retry budget, rejections) as events.
 *
 * @since 0.1.0
 */
public final class EventPublishingCallListener implements ProviderCallListener {

    private final String provider;
    private final EventBus events;

    public EventPublishingCallListener(String provider, EventBus events) {
        this.provider = provider;
        this.events = events;
    }

    @Override
    public void onRetry(int retry, Duration delay, ProviderException cause) {
        events.publish(new StreamRetryEvent(Instant.now(), null, provider, retry, delay, StreamRetryEvent.RETRYING,
                reason(cause)));
    }

    @Override
    public void onResend() {
        events.publish(new ConnectionResendEvent(Instant.now(), null, provider));
    }

    @Override
    public void onBudgetExhausted(ProviderException cause) {
        events.publish(new StreamRetryEvent(Instant.now(), null, provider, 0, Duration.ZERO,
                StreamRetryEvent.BUDGET_EXHAUSTED, reason(cause)));
    }

    @Override
    public void onRejected(RejectionReason reason) {
        events.publish(new ConcurrencyRejectedEvent(Instant.now(), null, provider,
                reason.name().toLowerCase(Locale.ROOT)));
    }

    private static String reason(ProviderException cause) {
        return cause.statusCode() > 0 ? "HTTP " + cause.statusCode() : "connection";
    }
}
