/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderException.Kind;
import java.util.Locale;
import java.util.function.Function;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON payloads of one provider's stream (the data of SSE events, or NDJSON lines) and words
 * the failures every stream decoder reports alike: a payload that is not JSON, an error the upstream
 * reported inside the stream, and a stream that ended before the response was complete. One instance serves one
 * stream (one attempt's decoder): {@link #readStreaming} keeps one parser for all its payloads, which
 * {@link #close} gives back.
 *
 * @since 0.1.0
 */
public final class StreamJson implements AutoCloseable {

    private static final int MAX_QUOTED_CHARS = 200;

    private final String provider;
    private final String payload;
    private final PayloadParser payloads = new PayloadParser();

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
            throw new ProviderException(provider, Kind.INVALID_RESPONSE, 0, "received a malformed stream " + payload
                    + " (not valid JSON): " + quote(text), false, null, malformed);
        }
    }

    /**
     * Reads the payload with a streaming {@code reader}, for a decoder on the hot path that wants a few fields
     * without building a whole tree (a map per object, a node per value). Returns {@code null} when the reader
     * does, or when the payload cannot be read as JSON: the caller then falls back to {@link #parse}, which reads
     * the payload as a tree or words the failure exactly as for any other payload. The parser is the stream's
     * (one for all its payloads, not one per payload), so {@code reader} must not keep it; it sees the end of
     * input where the payload ends, as a parser of the payload alone would.
     */
    public <T> T readStreaming(String text, Function<? super JsonParser, ? extends T> reader) {
        return payloads.read(text, reader);
    }

    /**
     * Gives back the parser that {@link #readStreaming} keeps for the stream; call when the stream ends, fails or
     * is cancelled (from any thread). Payloads read after it are read as trees.
     */
    @Override
    public void close() {
        payloads.close();
    }

    /**
     * An error the upstream reported inside the stream, of the {@link Kind} its type names (see
     * {@link #kindOfErrorType}).
     *
     * @param type the vendor's error type, shown in parentheses; {@code null} or empty for none
     * @param message the vendor's message; {@code null} or empty to quote the error object instead
     * @param error the error as sent
     * @param retryable whether the error is transient (it is retried only if nothing reached the caller yet)
     */
    public ProviderException reportedError(String type, String message, JsonNode error, boolean retryable) {
        return reportedError(kindOfErrorType(type), type, message, error, retryable);
    }

    /**
     * An error the upstream reported inside the stream, of a kind the decoder determined (from an HTTP status in
     * the error, say).
     *
     * @param kind what went wrong
     * @param type the vendor's error type, shown in parentheses; {@code null} or empty for none
     * @param message the vendor's message; {@code null} or empty to quote the error object instead
     * @param error the error as sent
     * @param retryable whether the error is transient (it is retried only if nothing reached the caller yet)
     */
    public ProviderException reportedError(Kind kind, String type, String message, JsonNode error,
            boolean retryable) {
        String shownType = type == null || type.isEmpty() ? "" : " (" + type + ")";
        String text = message == null || message.isEmpty() ? quote(error.toString()) : message;
        return new ProviderException(provider, kind, 0, "the stream reported an error" + shownType + ": " + text,
                retryable, null, null);
    }

    /**
     * The kind of failure an in-stream error type names, for the types OpenAI and Anthropic document (and the
     * compatible servers copy): rate limits and quotas, authentication and permission errors, invalid or too
     * large requests, timeouts; anything else (server errors, overload, unknown types) is the upstream failing.
     */
    public static Kind kindOfErrorType(String type) {
        String name = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (name.contains("rate_limit") || name.contains("quota")) {
            return Kind.RATE_LIMITED;
        }
        if (name.contains("authentication") || name.contains("permission") || name.contains("api_key")) {
            return Kind.AUTHENTICATION;
        }
        if (name.contains("invalid_request") || name.contains("not_found") || name.contains("too_large")) {
            return Kind.BAD_REQUEST;
        }
        return name.contains("timeout") ? Kind.TIMED_OUT : Kind.UNAVAILABLE;
    }

    /** The body ended before the stream's end marker; retryable, as a dropped connection is. */
    public ProviderException endedEarly() {
        return new ProviderException(provider, 0, "the stream ended before the response was complete", true, null);
    }

    private static String quote(String text) {
        return text.length() > MAX_QUOTED_CHARS ? text.substring(0, MAX_QUOTED_CHARS) + "..." : text;
    }
}
