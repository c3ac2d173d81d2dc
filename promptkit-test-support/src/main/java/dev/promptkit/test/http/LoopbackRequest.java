/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A request the {@link LoopbackHttpServer} read.
 *
 * @param method the method, such as {@code POST}
 * @param target the request target: path and query
 * @param headers the headers, by lower-case name (the last value of a repeated header)
 * @param body the body, de-chunked
 * @param connection the number of the connection it came on (1 for the first the server accepted)
 * @param indexOnConnection which request of that connection it is (1 for the first)
 */
public record LoopbackRequest(String method, String target, Map<String, String> headers, byte[] body,
        int connection, int indexOnConnection) {

    /** A header's value, or {@code null}; the name is matched regardless of case. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
