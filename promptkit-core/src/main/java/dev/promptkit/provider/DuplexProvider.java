/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import dev.promptkit.duplex.DuplexSession;
import dev.promptkit.duplex.DuplexSessionConfig;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * A provider that speaks a native bidirectional protocol (OpenAI Realtime, Gemini Live): a
 * {@link dev.promptkit.provider.Provider} that also implements this interface can serve
 * {@code PromptKit.openDuplex} in ASM mode.
 *
 * @since 0.1.0
 */
public interface DuplexProvider {

    /** Connects and configures a new session; the {@link Mono} completes once the upstream accepted the setup. */
    Mono<DuplexSession> openSession(DuplexSessionConfig config);

    /**
     * The model of sessions whose config names none, which may differ from the provider's text model (a realtime
     * model); {@code null} when the provider does not say.
     */
    default String defaultDuplexModel() {
        return null;
    }

    /**
     * The duplex side of {@code provider}: the provider itself when it implements this interface, else that of
     * the provider a {@link ForwardingProvider} decorates; empty when there is none.
     */
    static Optional<DuplexProvider> of(Provider provider) {
        if (provider instanceof DuplexProvider duplex) {
            return Optional.of(duplex);
        }
        if (provider instanceof ForwardingProvider forwarding) {
            return of(forwarding.delegate());
        }
        return Optional.empty();
    }
}
