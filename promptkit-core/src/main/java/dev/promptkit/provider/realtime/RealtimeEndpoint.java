/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.realtime;

import dev.promptkit.secret.SecretRedactor;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how a realtime provider connects: its name (for error messages), the WebSocket URI, the
 * handshake headers (the API key among them) and the connect timeout. {@code secret} is the API key, so that
 * anything the upstream echoes back is shown with it masked ({@link #redactor()}); {@link #toString()} shows no header
 * values.
 *
 * @since 0.1.0
 */
public record RealtimeEndpoint(String provider, URI uri, Map<String, String> headers, String secret,
        Duration connectTimeout) {

    public RealtimeEndpoint {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(uri, "uri");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /**
     * The WebSocket form of an HTTP base URL with {@code path} appended: {@code https} becomes {@code wss},
     * {@code http} becomes {@code ws}.
     */
    public static URI webSocketUri(String baseUrl, String path) {
        String url = baseUrl.replaceFirst("^(?i)https://", "wss://").replaceFirst("^(?i)http://", "ws://");
        return URI.create(url + path);
    }

    /** Masks the secret and the values of credential headers, as {@link SecretRedactor} does. */
    public SecretRedactor redactor() {
        List<String> secrets = new ArrayList<>(SecretRedactor.credentialValues(headers));
        secrets.add(secret);
        return SecretRedactor.of(secrets);
    }

    /** {@code text} with the secret and any other credential masked; {@code null} stays {@code null}. */
    public String redact(String text) {
        return redactor().redact(text);
    }

    @Override
    public String toString() {
        return "RealtimeEndpoint[provider=" + provider + ", uri=" + uri + ", headers=" + headers.keySet()
                + ", connectTimeout=" + connectTimeout + "]";
    }
}
