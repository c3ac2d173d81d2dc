package dev.promptkit.autoconfigure.actuate;

import dev.promptkit.event.EventBus;
import dev.promptkit.event.Phase;
import dev.promptkit.event.ProviderCallEvent;
import dev.promptkit.types.CostInfo;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of provider requests, tokens and cost (an exact sum in USD) per provider and model since the
 * application started, for the {@code promptkit} actuator endpoint (which must not depend on a metrics library).
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
        final LongAdder inputTokens = new LongAdder();
        final LongAdder outputTokens = new LongAdder();
        final LongAdder cachedTokens = new LongAdder();
        final AtomicReference<BigDecimal> costUsd = new AtomicReference<>(BigDecimal.ZERO);

        void add(ProviderCallEvent call) {
            requests.increment();
            if (call.phase() == Phase.FAILED) {
                failures.increment();
            }
            CostInfo cost = call.cost();
            if (cost != null) {
                inputTokens.add(cost.inputTokens());
                outputTokens.add(cost.outputTokens());
                cachedTokens.add(cost.cachedTokens());
                costUsd.accumulateAndGet(cost.totalCostUsd(), BigDecimal::add);
            }
        }

        Map<String, Object> snapshot() {
            return Map.of("requests", requests.sum(), "failures", failures.sum(), "inputTokens", inputTokens.sum(),
                    "outputTokens", outputTokens.sum(), "cachedTokens", cachedTokens.sum(), "costUsd", costUsd.get());
        }
    }
}
