/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import dev.promptkit.secret.SecretRedactor;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** What the remote transports' configurations share: an http(s) URL and headers that may hold credentials. */
final class RemoteEndpoint {

    private RemoteEndpoint() {
    }

    static void requireHttp(URI url, String transport) {
        Objects.requireNonNull(url, "url");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("An MCP " + transport + " server needs an http(s) URL, not " + url);
        }
    }

    static Map<String, String> copy(Map<String, String> headers) {
        return headers == null ? Map.of() : Map.copyOf(headers);
    }

    static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return all;
    }

    /** "URL http://host:port/path": without user info and query, where credentials might be. */
    static String describe(URI url) {
        String port = url.getPort() == -1 ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return "URL " + url.getScheme() + "://" + url.getHost() + port + path;
    }

    static SecretRedactor redactor(Map<String, String> headers) {
        return SecretRedactor.of(SecretRedactor.credentialValues(headers));
    }

    /** "[URL ..., headers=[names]]": the names of the headers, not their values. */
    static String summary(URI url, Map<String, String> headers) {
        return "[" + describe(url) + ", headers=" + new TreeMap<>(headers).keySet() + "]";
    }
}
