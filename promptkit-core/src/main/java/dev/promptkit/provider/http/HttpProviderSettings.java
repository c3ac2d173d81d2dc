/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.secret.SecretRedactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything about how one provider talks HTTP: where, with which key and extra headers, with which
 * timeouts, retry policy, concurrency limit and connection pool. {@link #toString()} masks the API key.
 *
 * @param baseUrl the API root, for example {@code https://api.openai.com/v1}; {@code null} for the
 *        provider's default (see {@link #withDefaultBaseUrl})
 * @param apiKey the API key, or {@code null}/blank when the service needs none
 * @param headers extra headers sent with every request (an organisation id, a gateway token, ...)
 * @param connectTimeout how long opening a connection may take
 * @param idleTimeout how long the upstream may send nothing, from the request until the first bytes and
 *        then between any two reads of the body
 * @param maxLineBytes the longest line accepted in a streamed body
 * @param retry when failed calls are retried
 * @param concurrency how many calls run at once
 * @param maxConnections the size of the provider's own connection pool; as many requests again may wait for a
 *        connection, and more fail at once (each streamed call holds a connection until its body ends)
 * @param maxIdleTime how long a pooled connection may stay unused before the pool closes it: shorter than the
 *        server's keep-alive timeout, so that the pool, not the server, ends idle connections
 * @param maxLifeTime how long a pooled connection may be used at all before it is retired (within 10 % less, so
 *        that connections opened together do not all retire at once): DNS changes and a vendor's rebalancing
 *        are followed
 *
 * @since 0.1.0
 */
public record HttpProviderSettings(String baseUrl, String apiKey, Map<String, String> headers,
        Duration connectTimeout, Duration idleTimeout, int maxLineBytes, RetryPolicy retry,
        ConcurrencyPolicy concurrency, int maxConnections, Duration maxIdleTime, Duration maxLifeTime) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Enough for thousands of concurrent streamed calls without tuning: each holds a connection until its answer
     * ends, and a connection is opened only when one is needed.
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 5000;
    /**
     * Below the keep-alive timeouts of the common servers and load balancers (JDK HttpServer 30 s, AWS ALB 60 s,
     * nginx 75 s) and far below those of the vendors' edges (minutes).
     */
    public static final Duration DEFAULT_MAX_IDLE_TIME = Duration.ofSeconds(20);
    public static final Duration DEFAULT_MAX_LIFE_TIME = Duration.ofMinutes(5);

    public HttpProviderSettings {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : stripTrailingSlash(baseUrl.trim());
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        connectTimeout = Objects.requireNonNullElse(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
        idleTimeout = Objects.requireNonNullElse(idleTimeout, DEFAULT_IDLE_TIMEOUT);
        maxLineBytes = maxLineBytes > 0 ? maxLineBytes : SseEventReader.DEFAULT_MAX_LINE_BYTES;
        retry = Objects.requireNonNullElse(retry, RetryPolicy.DEFAULT);
        concurrency = Objects.requireNonNullElse(concurrency, ConcurrencyPolicy.UNLIMITED);
        maxConnections = maxConnections > 0 ? maxConnections : DEFAULT_MAX_CONNECTIONS;
        maxIdleTime = positiveOrDefault(maxIdleTime, DEFAULT_MAX_IDLE_TIME);
        maxLifeTime = positiveOrDefault(maxLifeTime, DEFAULT_MAX_LIFE_TIME);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether an API key is configured. */
    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /**
     * Masks the API key and the values of the credential headers among {@link #headers()} in anything that leaves
     * a call made with these settings.
     */
    public SecretRedactor redactor() {
        List<String> secrets = new ArrayList<>(SecretRedactor.credentialValues(headers));
        secrets.add(apiKey);
        return SecretRedactor.of(secrets);
    }

    /** These settings, with {@code defaultBaseUrl} as base URL when none is set. */
    public HttpProviderSettings withDefaultBaseUrl(String defaultBaseUrl) {
        return baseUrl != null ? this : withBaseUrl(defaultBaseUrl);
    }

    /** These settings with another base URL. */
    public HttpProviderSettings withBaseUrl(String newBaseUrl) {
        return new HttpProviderSettings(newBaseUrl, apiKey, headers, connectTimeout, idleTimeout, maxLineBytes, retry,
                concurrency, maxConnections, maxIdleTime, maxLifeTime);
    }

    @Override
    public String toString() {
        return "HttpProviderSettings[baseUrl=" + baseUrl + ", apiKey=" + (hasApiKey() ? "******" : "none")
                + ", headers=" + headers.keySet() + ", connectTimeout=" + connectTimeout + ", idleTimeout="
                + idleTimeout + ", maxLineBytes=" + maxLineBytes + ", retry=" + retry + ", concurrency="
                + concurrency + ", maxConnections=" + maxConnections + ", maxIdleTime=" + maxIdleTime
                + ", maxLifeTime=" + maxLifeTime + "]";
    }

    private static Duration positiveOrDefault(Duration duration, Duration fallback) {
        return duration == null || duration.isZero() || duration.isNegative() ? fallback : duration;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Builds {@link HttpProviderSettings}; anything not set takes its default. */
    public static final class Builder {
        private String baseUrl;
        private String apiKey;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration connectTimeout;
        private Duration idleTimeout;
        private int maxLineBytes;
        private RetryPolicy retry;
        private ConcurrencyPolicy concurrency;
        private int maxConnections;
        private Duration maxIdleTime;
        private Duration maxLifeTime;

        private Builder() {
        }

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder headers(Map<String, String> extraHeaders) {
            headers.putAll(extraHeaders);
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder maxLineBytes(int maxLineBytes) {
            this.maxLineBytes = maxLineBytes;
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = retry;
            return this;
        }

        public Builder concurrency(ConcurrencyPolicy concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        /** The size of the connection pool; {@value HttpProviderSettings#DEFAULT_MAX_CONNECTIONS} by default. */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /** How long a pooled connection may stay unused; 20 s by default. */
        public Builder maxIdleTime(Duration maxIdleTime) {
            this.maxIdleTime = maxIdleTime;
            return this;
        }

        /** How long a pooled connection may be used at all; 5 minutes by default. */
        public Builder maxLifeTime(Duration maxLifeTime) {
            this.maxLifeTime = maxLifeTime;
            return this;
        }

        public HttpProviderSettings build() {
            return new HttpProviderSettings(baseUrl, apiKey, headers, connectTimeout, idleTimeout, maxLineBytes,
                    retry, concurrency, maxConnections, maxIdleTime, maxLifeTime);
        }
    }
}
