/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps each conversation's events in its own file of JSON lines, {@code <directory>/<conversation id>.jsonl} (the id
 * URL-encoded, so any id makes one plain file name), one {@link RecordedEvent} a line, appended in order. The
 * directory is made when missing. Files are never expired: remove old ones as the application's retention says.
 * File I/O runs on Reactor's bounded-elastic threads, never on the caller's.
 *
 * @since 0.1.0
 */
public final class FileEventStore implements EventStore {

    private static final String SUFFIX = ".jsonl";

    private final Path directory;

    public FileEventStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    /** The file of one conversation (which may not exist yet). */
    public Path file(String conversationId) {
        Objects.requireNonNull(conversationId, "conversationId");
        return directory.resolve(URLEncoder.encode(conversationId, StandardCharsets.UTF_8) + SUFFIX);
    }

    @Override
    public Mono<Void> append(String conversationId, List<RecordedEvent> events) {
        return Mono.<Void>fromRunnable(() -> write(conversationId, events)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Flux<RecordedEvent> read(String conversationId) {
        return Mono.fromCallable(() -> readAll(conversationId)).subscribeOn(Schedulers.boundedElastic())
                .flatMapIterable(events -> events);
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("type", "file", "directory", directory.toString(), "ttl", "none");
    }

    private synchronized void write(String conversationId, List<RecordedEvent> events) {
        StringBuilder lines = new StringBuilder();
        for (RecordedEvent event : events) {
            lines.append(event.toJsonLine()).append('\n');
        }
        Path file = file(conversationId);
        try {
            Files.createDirectories(directory);
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        }
        catch (IOException ex) {
            throw new EventStoreException("File event store could not append " + events.size() + " event(s) of"
                    + " conversation '" + conversationId + "' to " + file + ": " + ex, ex);
        }
    }

    private List<RecordedEvent> readAll(String conversationId) {
        Path file = file(conversationId);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException none) {
            return List.of();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("File event store could not read " + file, ex);
        }
        return SessionRecording.parseLines(lines, file.toString());
    }
}
