/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.actuate;

import dev.promptkit.event.EventBus;
import dev.promptkit.event.Phase;
import dev.promptkit.event.ProviderCallEvent;
import dev.promptkit.types.CostInfo;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of provider requests, tokens and cost (an exact sum in USD) per provider and model since the
 * application started, for the {@code promptkit} actuator endpoint (which must not depend on a metrics library).
 *
 * @since 0.1.0
 */
public final class UsageTotals {

    private final Map<String, Total> byProviderAndModel = new ConcurrentHashMap<>();

    public UsageTotals(EventBus events) {
        events.subscribeSynchronous(event -> {
            if (event instanceof ProviderCallEvent call && call.phase() != Phase.STARTED) {
                byProviderAndModel.computeIfAbsent(call.provider() + "/" + call.model(), key -> new Total()).add(call);
            }
        });
    }

    /** The totals by {@code provider/model}, sorted. */
    public Map<String, Map<String, Object>> snapshot() {
        Map<String, Map<String, Object>> snapshot = new TreeMap<>();
        byProviderAndModel.forEach((key, total) -> snapshot.put(key, total.snapshot()));
        return snapshot;
    }

    private static final class Total {
        final LongAdder requests = new LongAdder();
        final LongAdder failures = new LongAdder();
        final AtomicReference<CostInfo> usage = new AtomicReference<>(CostInfo.ZERO);

        void add(ProviderCallEvent call) {
            requests.increment();
            if (call.phase() == Phase.FAILED) {
                failures.increment();
            }
            if (call.cost() != null) {
                usage.accumulateAndGet(call.cost(), CostInfo::plus);
            }
        }

        Map<String, Object> snapshot() {
            CostInfo sum = usage.get();
            return Map.of("requests", requests.sum(), "failures", failures.sum(), "inputTokens", sum.inputTokens(),
                    "outputTokens", sum.outputTokens(), "cachedTokens", sum.cachedTokens(), "cacheWriteTokens",
                    sum.cacheWriteTokens(), "reasoningTokens", sum.reasoningTokens(), "costUsd", sum.totalCostUsd());
        }
    }
}
