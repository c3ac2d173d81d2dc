/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.platform.aws;

import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderException.Kind;
import dev.promptkit.provider.http.SseEvent;
import dev.promptkit.provider.http.StreamDecoder;
import dev.promptkit.provider.http.StreamJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Decodes the event stream of Bedrock's {@code InvokeModelWithResponseStream}: each {@code chunk} event carries,
 * base64-encoded in its {@code bytes} field, one event of the model vendor's own stream (an Anthropic Messages
 * event, say), which is handed to that vendor's decoder as the server-sent event it would have been; an
 * {@code exception} message ({@code throttlingException}, {@code modelStreamErrorException}, ...) fails the stream
 * with the kind its type names. Other event types are ignored.
 *
 * @since 0.1.0
 */
public final class BedrockStreamDecoder implements StreamDecoder<EventStreamMessage> {

    private final StreamJson json;
    private final StreamDecoder<? super SseEvent> events;

    /**
     * @param provider the provider's name, used in error messages
     * @param events decodes the vendor's events the chunks carry
     */
    public BedrockStreamDecoder(String provider, StreamDecoder<? super SseEvent> events) {
        this.json = StreamJson.events(provider);
        this.events = events;
    }

    @Override
    public List<ProviderChunk> decode(EventStreamMessage message) {
        String payload = new String(message.payload(), StandardCharsets.UTF_8);
        return switch (message.header(":message-type")) {
            case "event" -> "chunk".equals(message.header(":event-type")) ? chunk(payload) : List.of();
            case "exception" -> throw exception(message.header(":exception-type"), json.parse(payload));
            case "error" -> throw json.reportedError(Kind.UNAVAILABLE, message.header(":error-code"),
                    message.header(":error-message"), json.parse(payload.isEmpty() ? "{}" : payload), false);
            default -> throw json.reportedError(Kind.INVALID_RESPONSE, "unknown :message-type '"
                    + message.header(":message-type") + "'", null, json.parse("{}"), false);
        };
    }

    @Override
    public List<ProviderChunk> finish() {
        return events.finish();
    }

    @Override
    public void close() {
        events.close();
    }

    private List<ProviderChunk> chunk(String payload) {
        JsonNode bytes = json.parse(payload).path("bytes");
        String event;
        try {
            event = new String(Base64.getDecoder().decode(bytes.asString("")), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            throw json.reportedError(Kind.INVALID_RESPONSE, "chunk", "its bytes are not base64", json.parse("{}"),
                    false);
        }
        String type = json.parse(event).path("type").asString(SseEvent.DEFAULT_EVENT);
        return events.decode(new SseEvent(type, event, null));
    }

    /** The failure an exception event names; throttling and server-side failures may be retried. */
    private ProviderException exception(String type, JsonNode body) {
        String message = body.path("message").asString("");
        return switch (type) {
            case "throttlingException" -> json.reportedError(Kind.RATE_LIMITED, type, message, body, true);
            case "internalServerException", "serviceUnavailableException", "modelStreamErrorException" ->
                    json.reportedError(Kind.UNAVAILABLE, type, message, body, true);
            case "modelTimeoutException" -> json.reportedError(Kind.TIMED_OUT, type, message, body, true);
            case "validationException" -> json.reportedError(Kind.BAD_REQUEST, type, message, body, false);
            case "accessDeniedException" -> json.reportedError(Kind.AUTHENTICATION, type, message, body, false);
            default -> json.reportedError(Kind.OTHER, type, message, body, false);
        };
    }
}
