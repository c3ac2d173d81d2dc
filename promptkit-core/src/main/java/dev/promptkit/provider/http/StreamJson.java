/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.ProviderException;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON payloads of one provider's stream (the data of SSE events, or NDJSON lines) and words
 * the failures every stream decoder reports alike: a payload that is not JSON, an error the upstream
 * reported inside the stream, and a stream that ended before the response was complete.
 *
 * @since 0.1.0
 */
public final class StreamJson {

    private static final int MAX_QUOTED_CHARS = 200;

    private final String provider;
    private final String payload;

    private StreamJson(String provider, String payload) {
        this.provider = provider;
        this.payload = payload;
    }

    /** For a stream of server-sent events, whose payloads are called events in error messages. */
    public static StreamJson events(String provider) {
        return new StreamJson(provider, "event");
    }

    /** For a newline-delimited JSON stream, whose payloads are called lines in error messages. */
    public static StreamJson lines(String provider) {
        return new StreamJson(provider, "line");
    }

    /** The payload as JSON; fails, quoting its start, when it is not JSON. */
    public JsonNode parse(String text) {
        try {
            return JsonMapper.shared().readTree(text);
        }
        catch (RuntimeException malformed) {
            throw new ProviderException(provider, 0, "received a malformed stream " + payload + " (not valid JSON): "
                    + quote(text), false, malformed);
        }
    }

    /**
     * Reads the payload with a streaming {@code reader}, for a decoder on the hot path that wants a few fields
     * without building a whole tree (a map per object, a node per value). Returns {@code null} when the reader
     * does, or when the payload cannot be read as JSON: the caller then falls back to {@link #parse}, which reads
     * the payload as a tree or words the failure exactly as for any other payload.
     */
    public <T> T readStreaming(String text, Function<? super JsonParser, ? extends T> reader) {
        // a bare token parser: the mapper's createParser would also build a deserialization context per payload,
        // which a streaming reader does not need (it reads any subtree with JsonMapper.shared().readTree(parser))
        try (JsonParser parser = JsonMapper.shared().tokenStreamFactory().createParser(ObjectReadContext.empty(),
                text)) {
            return reader.apply(parser);
        }
        catch (JacksonException unreadable) {
            return null;
        }
    }

    /**
     * An error the upstream reported inside the stream.
     *
     * @param type the vendor's error type, shown in parentheses; {@code null} or empty for none
     * @param message the vendor's message; {@code null} or empty to quote the error object instead
     * @param error the error as sent
     * @param retryable whether the error is transient (it is retried only if nothing reached the caller yet)
     */
    public ProviderException reportedError(String type, String message, JsonNode error, boolean retryable) {
        String kind = type == null || type.isEmpty() ? "" : " (" + type + ")";
        String text = message == null || message.isEmpty() ? quote(error.toString()) : message;
        return new ProviderException(provider, 0, "the stream reported an error" + kind + ": " + text, retryable,
                null);
    }

    /** The body ended before the stream's end marker; retryable, as a dropped connection is. */
    public ProviderException endedEarly() {
        return new ProviderException(provider, 0, "the stream ended before the response was complete", true, null);
    }

    private static String quote(String text) {
        return text.length() > MAX_QUOTED_CHARS ? text.substring(0, MAX_QUOTED_CHARS) + "..." : text;
    }
}
