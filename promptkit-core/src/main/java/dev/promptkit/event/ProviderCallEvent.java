/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import dev.promptkit.types.CostInfo;
import java.time.Duration;
import java.time.Instant;

/**
 * One call to a provider: started, then completed (with tokens, cost, duration and time to the first
 * chunk) or failed (with the error).
 *
 * @since 0.1.0
 */
public record ProviderCallEvent(Instant timestamp, String conversationId, Phase phase, String provider, String model,
        String promptName, CostInfo cost, Duration duration, Duration firstChunk, Throwable error) implements Event {

    @Override
    public String type() {
        return "provider.call." + phase.wireName();
    }
}
