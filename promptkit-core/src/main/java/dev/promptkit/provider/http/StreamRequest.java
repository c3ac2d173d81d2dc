/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One streaming POST: the path below the provider's base URL, query parameters, headers (typically the
 * authentication header, which is never logged) and the JSON body.
 *
 * @param pathEncoded whether the path is already percent-encoded (a model id whose {@code :} must travel as
 *        {@code %3A}, as AWS signs it), rather than encoded when the URI is built
 *
 * @since 0.1.0
 */
public record StreamRequest(String path, Map<String, String> query, Map<String, String> headers, JsonNode body,
        boolean pathEncoded) {

    public StreamRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        query = query == null ? Map.of() : Map.copyOf(query);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A request whose path is encoded when the URI is built. */
    public StreamRequest(String path, Map<String, String> query, Map<String, String> headers, JsonNode body) {
        this(path, query, headers, body, false);
    }

    /** Names the headers without their values, which may hold credentials. */
    @Override
    public String toString() {
        return "StreamRequest[path=" + path + ", query=" + query + ", headers=" + headers.keySet() + "]";
    }
}
