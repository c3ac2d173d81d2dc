package dev.promptkit.duplex;

import reactor.core.publisher.Mono;

/**
 * A provider that speaks a native bidirectional protocol (OpenAI Realtime, Gemini Live): a
 * {@link dev.promptkit.provider.Provider} that also implements this interface can serve
 * {@code PromptKit.openDuplex} in ASM mode.
 */
public interface DuplexProvider {

    /** Connects and configures a new session; the {@link Mono} completes once the upstream accepted the setup. */
    Mono<DuplexSession> openSession(DuplexSessionConfig config);
}
