/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.ProviderException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a {@link ProviderCallListener} hears, as readable strings. */
public final class RecordingListener implements ProviderCallListener {

    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    @Override
    public void onRetry(int retry, Duration delay, ProviderException cause) {
        heard.add("retry " + retry + " after HTTP " + cause.statusCode());
        delays.add(delay);
    }

    @Override
    public void onResend() {
        heard.add("resend");
    }

    @Override
    public void onBudgetExhausted(ProviderException cause) {
        heard.add("budget exhausted");
    }

    @Override
    public void onRejected(RejectionReason reason) {
        heard.add("rejected " + reason);
    }

    public List<String> heard() {
        return heard;
    }

    public List<Duration> delays() {
        return delays;
    }
}
