/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.DuplexEvent;
import dev.promptkit.duplex.DuplexSession;
import dev.promptkit.duplex.DuplexSessionConfig;
import dev.promptkit.duplex.ImageFrame;
import dev.promptkit.provider.DuplexProvider;
import dev.promptkit.provider.ForwardingProvider;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.types.ToolResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The mock provider, its duplex sessions recording every image frame they receive. */
final class FrameRecordingProvider extends ForwardingProvider implements DuplexProvider {

    final List<ImageFrame> frames = new CopyOnWriteArrayList<>();
    private final MockProvider mock;

    FrameRecordingProvider(MockProvider mock) {
        super(mock);
        this.mock = mock;
    }

    @Override
    public Mono<DuplexSession> openSession(DuplexSessionConfig config) {
        return mock.openSession(config).map(Recording::new);
    }

    private final class Recording implements DuplexSession {

        private final DuplexSession session;

        private Recording(DuplexSession session) {
            this.session = session;
        }

        @Override
        public Mono<Void> sendImage(ImageFrame frame) {
            return Mono.fromRunnable(() -> frames.add(frame)).then(session.sendImage(frame));
        }

        @Override
        public Mono<Void> sendText(String text) {
            return session.sendText(text);
        }

        @Override
        public Mono<Void> sendAudio(AudioChunk chunk) {
            return session.sendAudio(chunk);
        }

        @Override
        public Mono<Void> sendToolResult(ToolResult result) {
            return session.sendToolResult(result);
        }

        @Override
        public Mono<Void> triggerStart() {
            return session.triggerStart();
        }

        @Override
        public Flux<DuplexEvent> events() {
            return session.events();
        }

        @Override
        public Mono<Void> closeAsync() {
            return session.closeAsync();
        }
    }
}
