/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@link LoopbackHttpServer} answers to one request: status, headers and body, sent with a
 * {@code Content-Length}; or, when {@link #cutAfter} is set, only the head and that many bytes of the body, after
 * which the connection ends as {@link #cutEnding} says (an answer that breaks off mid-way).
 *
 * @param status the HTTP status
 * @param headers the headers (no {@code Content-Length}: the server adds it)
 * @param body the body
 * @param cutAfter how many bytes of the body are sent before the connection ends, or -1 to send it all
 * @param cutEnding how the connection ends after a cut
 */
public record LoopbackResponse(int status, Map<String, String> headers, byte[] body, int cutAfter,
        ConnectionEnding cutEnding) {

    public LoopbackResponse {
        headers = Map.copyOf(headers);
    }

    /** A 200 answer with {@code body} of {@code contentType}. */
    public static LoopbackResponse ok(String contentType, String body) {
        return of(200, contentType, body);
    }

    /** An answer with {@code status} and a {@code body} of {@code contentType}. */
    public static LoopbackResponse of(int status, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new LoopbackResponse(status, headers, body.getBytes(StandardCharsets.UTF_8), -1, null);
    }

    /** This answer broken off after {@code bytes} bytes of its body, the connection ending as {@code ending}. */
    public LoopbackResponse cutAfter(int bytes, ConnectionEnding ending) {
        return new LoopbackResponse(status, headers, body, bytes, ending);
    }

    /** Whether the body is broken off. */
    public boolean isCut() {
        return cutAfter >= 0;
    }
}
