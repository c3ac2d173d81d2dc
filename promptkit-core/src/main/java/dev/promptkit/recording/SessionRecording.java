/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.recording;

import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recorded events of one conversation, in order: loaded from an {@link EventStore} or a JSON lines file, written
 * out as one (an export, in the {@link FileEventStore}'s format whatever store it came from), and read back as the
 * conversation's messages, which a {@code ReplayProvider} answers from.
 *
 * <pre>{@code
 * SessionRecording session = SessionRecording.load(store, "user-42").block();
 * session.write(Path.of("src/test/resources/user-42.jsonl"));
 * }</pre>
 *
 * @since 0.1.0
 */
public record SessionRecording(String conversationId, List<RecordedEvent> events) {

    /** The type of the events that carry the conversation's messages. */
    public static final String MESSAGE_CREATED = "message.created";

    private static final ObjectReader MESSAGES = JsonMapper.shared().readerFor(Message.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SessionRecording {
        Objects.requireNonNull(conversationId, "conversationId");
        events = List.copyOf(events);
    }

    /** Everything {@code store} keeps of one conversation; fails naming the conversation when it keeps nothing. */
    public static Mono<SessionRecording> load(EventStore store, String conversationId) {
        return store.read(conversationId).collectList().flatMap(events -> events.isEmpty()
                ? Mono.error(new IllegalArgumentException("No recorded events for conversation '" + conversationId
                        + "' in " + store.describe()))
                : Mono.just(new SessionRecording(conversationId, events)));
    }

    /** A recording exported by {@link #write} (or a {@link FileEventStore}'s file). */
    public static SessionRecording read(Path file) {
        List<RecordedEvent> events;
        try {
            events = parseLines(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the session recording " + file, ex);
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("The session recording " + file + " holds no event");
        }
        return new SessionRecording(events.get(0).conversationId(), events);
    }

    /** Writes this recording to {@code file} as JSON lines, replacing it. */
    public void write(Path file) {
        StringBuilder lines = new StringBuilder();
        events.forEach(event -> lines.append(event.toJsonLine()).append('\n'));
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, lines, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write the session recording to " + file, ex);
        }
    }

    /** The conversation's messages in the order its turns made them (user, assistant, tool results, ...). */
    public List<Message> messages() {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent event = events.get(i);
            if (MESSAGE_CREATED.equals(event.type())) {
                messages.add(message(event, i));
            }
        }
        return messages;
    }

    /** The texts the user sent, in order: what a replay sends again. */
    public List<String> userTexts() {
        return messages().stream().filter(message -> message.role() == Role.USER).map(Message::text).toList();
    }

    /** The assistant's answers in order, one per provider call (an answer asking for tools included). */
    public List<Message> answers() {
        return messages().stream().filter(message -> message.role() == Role.ASSISTANT).toList();
    }

    /** Parses JSON lines, skipping blank ones; an error names {@code where} and the line number. */
    static List<RecordedEvent> parseLines(List<String> lines, String where) {
        List<RecordedEvent> events = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                events.add(RecordedEvent.fromJsonLine(lines.get(i), where + " line " + (i + 1)));
            }
        }
        return events;
    }

    private Message message(RecordedEvent event, int index) {
        JsonNode message = event.data() == null ? null : event.data().get("message");
        if (message == null || !message.isObject()) {
            throw new IllegalArgumentException("Event " + (index + 1) + " of the recording of conversation '"
                    + conversationId + "' is a message.created event without a data.message object");
        }
        return MESSAGES.readValue(message);
    }
}
