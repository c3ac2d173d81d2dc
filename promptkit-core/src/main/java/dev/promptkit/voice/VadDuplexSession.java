/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.voice;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.AudioConverter;
import dev.promptkit.duplex.DuplexEvent;
import dev.promptkit.duplex.DuplexSession;
import dev.promptkit.duplex.DuplexSessionException;
import dev.promptkit.duplex.ImageFrame;
import dev.promptkit.duplex.VideoChunk;
import dev.promptkit.speech.SttService;
import dev.promptkit.speech.TtsService;
import dev.promptkit.types.TokenUsage;
import dev.promptkit.types.ToolResult;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A voice session on a text model (VAD mode): the user's audio goes through a {@link TurnDetector}, each turn
 * through speech-to-text, the transcript through a text turn of the conversation ({@link TextTurnRunner}), and the
 * answer through text-to-speech, sentence by sentence while the text still streams. {@link #events()} carries, per
 * turn, the {@link DuplexEvent.InputTranscript}, {@link DuplexEvent.TextDelta}s, each sentence's
 * {@link DuplexEvent.OutputTranscript} and {@link DuplexEvent.AudioDelta}s, then {@link DuplexEvent.TurnComplete}.
 *
 * <p>Speech over an answer (or its playback) cancels it and sends {@link DuplexEvent.Interrupted}; if nothing had
 * been said yet, the interrupted audio goes in front of the next turn's. A failing step ends the session with a
 * {@link DuplexSessionException} naming it. Images, video and tool results are refused. Thread-safe; events reach
 * the subscriber in order and never while the session holds its lock.
 *
 * @since 0.1.0
 */
public final class VadDuplexSession implements DuplexSession {

    private final VadModeConfig config;
    private final TurnDetector detector;
    private final SttService stt;
    private final TtsService tts;
    private final TextTurnRunner turns;
    private final AudioConverter converter;
    private final Object lock = new Object();
    private final EventOutbox events = new EventOutbox(lock);
    private boolean closed;
    private Answer current;
    private AudioChunk carriedOver;
    private long playbackEndsAtNanos;

    /** A session that finds turns with a {@link SilenceTurnDetector} built from {@code config}. */
    public VadDuplexSession(VadModeConfig config, SttService stt, TtsService tts, TextTurnRunner turns) {
        this(config, new SilenceTurnDetector(config), stt, tts, turns);
    }

    /**
     * @param config language, voice and speed; the detector's durations
     * @param detector finds the user's turns; audio is converted to its format
     * @param stt transcribes each turn
     * @param tts speaks the answers
     * @param turns runs a text turn of the conversation (see {@link TextTurnRunner})
     */
    public VadDuplexSession(VadModeConfig config, TurnDetector detector, SttService stt, TtsService tts,
            TextTurnRunner turns) {
        this.config = Objects.requireNonNull(config, "config");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.stt = Objects.requireNonNull(stt, "stt");
        this.tts = Objects.requireNonNull(tts, "tts");
        this.turns = Objects.requireNonNull(turns, "turns");
        this.converter = new AudioConverter(detector.format());
        this.playbackEndsAtNanos = System.nanoTime();
    }

    @Override
    public Mono<Void> sendAudio(AudioChunk chunk) {
        return Mono.fromRunnable(() -> locked(() -> {
            requireOpen();
            detector.accept(converter.convert(chunk)).forEach(this::onTurnEvent);
        }));
    }

    @Override
    public Mono<Void> sendText(String text) {
        return Mono.fromRunnable(() -> locked(() -> {
            requireOpen();
            start(new Answer(null), answer(text));
        }));
    }

    @Override
    public Mono<Void> triggerStart() {
        return Mono.fromRunnable(() -> locked(() -> {
            requireOpen();
            detector.endTurn().ifPresent(this::onTurnEvent);
        }));
    }

    @Override
    public Mono<Void> sendImage(ImageFrame frame) {
        return refuseVideo();
    }

    @Override
    public Mono<Void> sendVideo(VideoChunk chunk) {
        return refuseVideo();
    }

    @Override
    public Mono<Void> sendToolResult(ToolResult result) {
        return Mono.error(new DuplexSessionException("VAD mode has no tool calls to answer: tools run inside the "
                + "text turn, through the handlers registered on the conversation"));
    }

    @Override
    public Flux<DuplexEvent> events() {
        return events.events();
    }

    @Override
    public Mono<Void> closeAsync() {
        return Mono.fromRunnable(() -> locked(() -> {
            if (!closed) {
                closed = true;
                cancelCurrent();
                events.complete();
            }
        }));
    }

    private void onTurnEvent(TurnEvent event) {
        if (event instanceof TurnEvent.SpeechStarted) {
            interrupt(true);
        }
        else if (event instanceof TurnEvent.TurnEnded ended) {
            AudioChunk audio = carriedOver == null ? ended.audio() : join(carriedOver, ended.audio());
            carriedOver = null;
            Answer answer = new Answer(audio);
            start(answer, stt.transcribe(audio, config.language())
                    .onErrorMap(failure -> failed("speech-to-text", failure))
                    .flatMapMany(transcript -> transcript.isBlank() ? Flux.empty()
                            : Flux.concat(Mono.just(new DuplexEvent.InputTranscript(transcript.text(), true)),
                                    answer(transcript.text()))));
        }
    }

    /**
     * Stops the answer in progress and its playback, telling the caller to stop playing if anything was said.
     *
     * @param keepUnanswered whether the audio of an answer that had said nothing yet goes in front of the next turn
     */
    private void interrupt(boolean keepUnanswered) {
        Answer interrupted = cancelCurrent();
        boolean playing = System.nanoTime() - playbackEndsAtNanos < 0;
        if (keepUnanswered && interrupted != null && !interrupted.spoke && interrupted.userAudio != null) {
            carriedOver = interrupted.userAudio;
        }
        if (playing || interrupted != null && interrupted.spoke) {
            playbackEndsAtNanos = System.nanoTime();
            events.next(new DuplexEvent.Interrupted());
        }
    }

    /** The model's answer to {@code text}: text deltas, each sentence's transcript and audio, then the usage. */
    private Flux<DuplexEvent> answer(String text) {
        AtomicReference<TokenUsage> usage = new AtomicReference<>(TokenUsage.NONE);
        Flux<DuplexEvent> written = Flux.defer(() -> turns.run(text))
                .onErrorMap(failure -> failed("the text turn", failure))
                .doOnNext(event -> {
                    if (event instanceof DuplexEvent.TurnComplete complete) {
                        usage.set(complete.usage());
                    }
                })
                .filter(DuplexEvent.TextDelta.class::isInstance);
        return SentenceSpeech.speakAlong(written, event -> ((DuplexEvent.TextDelta) event).text(), this::speak)
                .concatWith(Mono.fromSupplier(() -> new DuplexEvent.TurnComplete(usage.get())));
    }

    private Flux<DuplexEvent> speak(String sentence) {
        return Flux.concat(Mono.just(new DuplexEvent.OutputTranscript(sentence)),
                tts.synthesize(sentence, config.voice(), config.speed())
                        .<DuplexEvent>map(DuplexEvent.AudioDelta::new)
                        .onErrorMap(failure -> failed("text-to-speech", failure)));
    }

    private void start(Answer answer, Flux<DuplexEvent> steps) {
        interrupt(false);
        current = answer;
        Disposable running = steps.subscribe(event -> emit(answer, event), failure -> fail(answer, failure),
                () -> finish(answer));
        answer.running = running;
    }

    private void emit(Answer answer, DuplexEvent event) {
        locked(() -> {
            if (current != answer) {
                return;
            }
            if (event instanceof DuplexEvent.AudioDelta audio) {
                long now = System.nanoTime();
                long from = now - playbackEndsAtNanos < 0 ? playbackEndsAtNanos : now;
                playbackEndsAtNanos = from + (long) (audio.audio().durationMillis() * 1_000_000);
            }
            answer.spoke |= event instanceof DuplexEvent.TextDelta || event instanceof DuplexEvent.AudioDelta
                    || event instanceof DuplexEvent.OutputTranscript;
            events.next(event);
        });
    }

    private void finish(Answer answer) {
        locked(() -> {
            if (current == answer) {
                current = null;
            }
        });
    }

    private void fail(Answer answer, Throwable failure) {
        locked(() -> {
            if (current != answer || closed) {
                return;
            }
            current = null;
            closed = true;
            events.error(failure instanceof DuplexSessionException known ? known
                    : failed("the voice answer", failure));
        });
    }

    /**
     * Runs {@code action} under the session's lock, then hands the events it decided to the subscriber, outside the
     * lock (a call nested in another locked call leaves that to the outer one).
     */
    private void locked(Runnable action) {
        try {
            synchronized (lock) {
                action.run();
            }
        }
        finally {
            events.drain();
        }
    }

    /** Cancels the answer in progress, if any, and returns it. */
    private Answer cancelCurrent() {
        Answer cancelled = current;
        current = null;
        if (cancelled != null && cancelled.running != null) {
            cancelled.running.dispose();
        }
        return cancelled;
    }

    private static Mono<Void> refuseVideo() {
        return Mono.error(new DuplexSessionException("VAD mode does not take images or video: the model is reached "
                + "through speech-to-text and a text turn; send audio or text"));
    }

    private void requireOpen() {
        if (closed) {
            throw new DuplexSessionException("the VAD session is closed");
        }
    }

    private static DuplexSessionException failed(String step, Throwable failure) {
        return failure instanceof DuplexSessionException known ? known
                : new DuplexSessionException(step + " failed: " + failure.getMessage(), failure);
    }

    private static AudioChunk join(AudioChunk first, AudioChunk second) {
        byte[] both = new byte[first.data().length + second.data().length];
        System.arraycopy(first.data(), 0, both, 0, first.data().length);
        System.arraycopy(second.data(), 0, both, first.data().length, second.data().length);
        return new AudioChunk(both, second.format());
    }

    /** One answer in progress: what runs it, the user audio it answers (null for text) and whether it spoke. */
    private static final class Answer {
        private final AudioChunk userAudio;
        private volatile Disposable running;
        private boolean spoke;

        private Answer(AudioChunk userAudio) {
            this.userAudio = userAudio;
        }
    }
}
