/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import dev.promptkit.sdk.DuplexConversation;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The voice sessions alive right now, each holding a connection to the model: counted in the
 * {@code sample.voice.sessions} gauge, forgotten when their session ends, closed when the application stops.
 */
@Component
class VoiceSessions implements MeterBinder, DisposableBean {

    private final Set<DuplexConversation> live = ConcurrentHashMap.newKeySet();

    /** Keeps {@code conversation} until its session ends. */
    void add(DuplexConversation conversation) {
        live.add(conversation);
        conversation.done().doFinally(signal -> live.remove(conversation)).subscribe();
    }

    int count() {
        return live.size();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("sample.voice.sessions", this, VoiceSessions::count)
                .description("Voice sessions open over /api/voice").register(registry);
    }

    @Override
    public void destroy() {
        List.copyOf(live).forEach(DuplexConversation::close);
    }
}
