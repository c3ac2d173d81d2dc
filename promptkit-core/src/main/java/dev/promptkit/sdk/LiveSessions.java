/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.duplex.DuplexEvent;
import dev.promptkit.duplex.DuplexSessionConfig;
import dev.promptkit.media.FrameProcessor;
import dev.promptkit.media.VideoStreamConfig;
import dev.promptkit.pipeline.TurnCommit;
import dev.promptkit.pipeline.TurnRequest;
import dev.promptkit.provider.CostCalculator;
import dev.promptkit.provider.DuplexProvider;
import dev.promptkit.session.LiveSession;
import dev.promptkit.session.RealtimeTurnKeeper;
import dev.promptkit.session.SessionOutputs;
import dev.promptkit.session.StoredTurn;
import dev.promptkit.session.VoiceTurnKeeper;
import dev.promptkit.tool.ToolRegistry;
import dev.promptkit.voice.TurnDetector;
import dev.promptkit.voice.VadDuplexSession;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Opens the {@link LiveSession} of a {@link DuplexConversation}: a realtime session of the conversation's
 * {@link DuplexProvider} (ASM mode), or a voice session answered by the conversation's text turns (VAD mode). Its
 * outputs are {@link StreamChunk}s.
 */
final class LiveSessions {

    /** A session's events and stored turns as chunks. */
    static final SessionOutputs<StreamChunk> CHUNKS = new SessionOutputs<>() {

        @Override
        public StreamChunk event(DuplexEvent event) {
            if (event instanceof DuplexEvent.TextDelta text) {
                return StreamChunk.text(text.text());
            }
            if (event instanceof DuplexEvent.AudioDelta audio) {
                return StreamChunk.audio(audio.audio());
            }
            if (event instanceof DuplexEvent.InputTranscript input) {
                return StreamChunk.inputTranscript(input.text());
            }
            if (event instanceof DuplexEvent.OutputTranscript output) {
                return StreamChunk.outputTranscript(output.text());
            }
            if (event instanceof DuplexEvent.ToolCallRequested requested) {
                return StreamChunk.toolCall(requested.call());
            }
            return StreamChunk.interrupted(); // the one kind left: DuplexEvent.Interrupted
        }

        @Override
        public StreamChunk turnStored(StoredTurn turn) {
            return StreamChunk.turnComplete(new Response(turn.answer(), turn.messages(), turn.heldCalls(), turn.cost(),
                    turn.duration()));
        }
    };

    private LiveSessions() {
    }

    /**
     * ASM mode: prepares the prompt for the conversation's variables (as a text turn, without history), opens a
     * session on {@code provider} and starts handing its events on.
     */
    static Mono<LiveSession<StreamChunk>> openRealtime(String conversationId, ConversationSetup setup,
            ToolRegistry tools, Map<String, String> variables, DuplexProvider provider) {
        ConversationOptions options = setup.options();
        ProviderOptions asked = options.provider();
        DuplexOptions duplex = options.voice().duplex();
        VideoStreamConfig video = options.media().streamingVideo();
        String model = asked.model() != null ? asked.model()
                : Optional.ofNullable(provider.defaultDuplexModel()).orElse(setup.model());
        RealtimeTurnKeeper.Setup keeping = new RealtimeTurnKeeper.Setup(conversationId, setup.promptName(),
                setup.provider().name(), setup.events(), new TurnCommit(setup.stateStore(), setup.pendingStore()),
                StoredMetadata.of(setup.pack().id(), setup.promptName(), variables), setup.toolRunner(), tools,
                CostCalculator.forProvider(setup.provider(), asked.pricing()),
                setup.prompt().toolPolicy().maxToolCallsPerTurn());
        return setup.preparer().prepareSession(new TurnRequest(conversationId, variables, null), tools)
                .map(prepared -> new DuplexSessionConfig(model, prepared.systemPrompt(), prepared.tools().tools(),
                        prepared.parameters(), duplex.voice(), duplex.inputAudioFormat(), duplex.audioOutput(),
                        duplex.providerOptions()))
                .flatMap(config -> provider.openSession(config).map(session -> new LiveSession<>(
                        setup.provider().name(), session, new RealtimeTurnKeeper(keeping, session, config),
                        video == null ? null : new FrameProcessor(video), CHUNKS)))
                .map(LiveSession::start);
    }

    /**
     * VAD mode: a voice session on the conversation's text provider, answering each user turn with a text turn of
     * the conversation. Frames are refused, so none are processed.
     */
    static LiveSession<StreamChunk> openVoice(ConversationSetup setup, VadMode vad, TextTurns textTurns) {
        VoiceTurnKeeper keeper = new VoiceTurnKeeper();
        TurnDetector detector = Objects.requireNonNull(setup.options().voice().turnDetectors().create(vad.config()),
                "the turnDetector option made no detector");
        VadDuplexSession session = new VadDuplexSession(vad.config(), detector, vad.stt(), vad.tts(), textTurns.runner(
                response -> keeper.answered(new StoredTurn(response.turnMessages(), response.pendingTools(),
                        response.costInfo(), response.duration()))));
        return new LiveSession<>(setup.provider().name(), session, keeper, null, CHUNKS).start();
    }
}
