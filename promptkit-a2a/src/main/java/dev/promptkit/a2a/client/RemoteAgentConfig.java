/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.a2a.client;

import dev.promptkit.secret.CredentialSource;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a remote A2A agent is and how to call it.
 *
 * @param name the agent's name in tool names ({@code a2a__<name>__<skill>}): letters, digits, {@code -} and
 *     {@code _}, without {@code __}
 * @param url the agent's base URL: its card is at {@code <url>/.well-known/agent-card.json}
 * @param timeout the longest one call (a send, or a whole stream) may take
 * @param bearerToken sent as {@code Authorization: Bearer <token>}; {@code null} for none
 * @param apiKey sent in the header {@code apiKeyHeader}; {@code null} for none
 * @param apiKeyHeader the header carrying {@code apiKey}
 *
 * @since 0.1.0
 */
public record RemoteAgentConfig(String name, URI url, Duration timeout, CredentialSource bearerToken,
        CredentialSource apiKey, String apiKeyHeader) {

    /** The time-out when none is set. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** The API key's header when none is set. */
    public static final String DEFAULT_API_KEY_HEADER = "X-API-Key";

    public RemoteAgentConfig {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_-]+") || name.contains("__")) {
            throw new IllegalArgumentException("A2A agent name '" + name + "' is not valid: use letters, digits, '-'"
                    + " and '_', without '__'");
        }
        Objects.requireNonNull(url, "url");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("A2A agent '" + name + "': url '" + url + "' is not an http(s) URL");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A2A agent '" + name + "': timeout must be positive, not " + timeout);
        }
        apiKeyHeader = apiKeyHeader == null || apiKeyHeader.isBlank() ? DEFAULT_API_KEY_HEADER : apiKeyHeader;
    }

    /** An agent at {@code url}, the default time-out, no credentials. */
    public static RemoteAgentConfig of(String name, String url) {
        return new RemoteAgentConfig(name, URI.create(url), null, null, null, null);
    }

    /** The HTTP headers the credentials make, resolved now (never logged). */
    Map<String, String> authHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (bearerToken != null) {
            headers.put("Authorization", "Bearer " + bearerToken.resolve());
        }
        if (apiKey != null) {
            headers.put(apiKeyHeader, apiKey.resolve());
        }
        return headers;
    }

    /** The path of the agent's card on its host. */
    String cardPath() {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path + "/.well-known/agent-card.json";
    }

    /** The scheme, host and port of {@link #url}. */
    String origin() {
        return url.getScheme() + "://" + url.getRawAuthority();
    }
}
