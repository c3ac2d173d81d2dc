/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.ollama;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Reads an {@code OLLAMA_HOST} value as the Ollama CLI does and turns it into a base URL for
 * {@link OllamaProvider}. The value may be a host, a {@code host:port}, a {@code :port} or a URL:
 * <ul>
 * <li>without a scheme, {@code http} and port {@value #DEFAULT_PORT} are assumed
 * ({@code 127.0.0.1:11434} becomes {@code http://127.0.0.1:11434}, {@code gpu-box} becomes
 * {@code http://gpu-box:11434}), except for {@code ollama.com}, which means {@code https://ollama.com};</li>
 * <li>with a scheme ({@code http} or {@code https}) the URL's own default port applies, and a path is
 * kept, for an Ollama behind a proxy ({@code https://example.com/ollama});</li>
 * <li>a missing host means {@code localhost}; the bind-all addresses a server is often started with
 * ({@code 0.0.0.0}, {@code [::]}) mean the loopback address of the same family;</li>
 * <li>surrounding spaces and quotes are ignored; IPv6 addresses may come with or without brackets.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class OllamaHost {

    /** The environment variable the Ollama CLI reads the server address from. */
    public static final String ENVIRONMENT_VARIABLE = "OLLAMA_HOST";

    /** The port Ollama listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 11434;

    private static final String CLOUD_HOST = "ollama.com";

    private OllamaHost() {
    }

    /**
     * The base URL an {@code OLLAMA_HOST} value stands for, without a trailing slash;
     * {@value OllamaProvider#DEFAULT_BASE_URL} for {@code null} or a blank value.
     *
     * @throws IllegalArgumentException if the value is neither a host, a {@code host:port} nor an
     *         {@code http}/{@code https} URL, or its port is not a number from 1 to 65535
     */
    public static String baseUrl(String value) {
        String rest = strip(value);
        if (rest.isEmpty()) {
            return OllamaProvider.DEFAULT_BASE_URL;
        }
        if (rest.equals(CLOUD_HOST)) {
            return "https://" + CLOUD_HOST;
        }
        String scheme = null;
        int schemeEnd = rest.indexOf("://");
        if (schemeEnd >= 0) {
            scheme = rest.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            rest = rest.substring(schemeEnd + 3);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw invalid(value, "only http and https are supported");
            }
        }
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash).replaceAll("/+$", "");
            rest = rest.substring(0, slash);
        }
        Authority authority = Authority.parse(rest, value);
        String port = authority.port() != null ? ":" + port(authority.port(), value)
                : scheme == null ? ":" + DEFAULT_PORT : "";
        return (scheme != null ? scheme : "http") + "://" + connectableHost(authority.host(), value) + port + path;
    }

    private static String strip(String value) {
        if (value == null) {
            return "";
        }
        return value.strip().replaceAll("^[\"']+|[\"']+$", "").strip();
    }

    /** The host to connect to: bracketed if IPv6, with a missing or bind-all address made a loopback one. */
    private static String connectableHost(String host, String value) {
        if (host.isEmpty()) {
            return "localhost";
        }
        if (host.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        if (!host.contains(":")) {
            return host;
        }
        try {
            // brackets make InetAddress parse the literal and never look the name up
            InetAddress address = InetAddress.getByName("[" + host + "]");
            return address.isAnyLocalAddress() ? "[::1]" : "[" + host + "]";
        }
        catch (UnknownHostException notAnAddress) {
            throw invalid(value, "'" + host + "' is not an IPv6 address");
        }
    }

    private static int port(String text, String value) {
        int port = text.matches("\\d{1,5}") ? Integer.parseInt(text) : 0;
        if (port < 1 || port > 65535) {
            throw invalid(value, "the port must be a number from 1 to 65535");
        }
        return port;
    }

    private static IllegalArgumentException invalid(String value, String reason) {
        return new IllegalArgumentException(ENVIRONMENT_VARIABLE + " value '" + value
                + "' is not a host, host:port or URL: " + reason);
    }

    /** A host and the text of its port, {@code null} when absent. */
    private record Authority(String host, String port) {

        /** Reads {@code host}, {@code host:port}, {@code [v6]}, {@code [v6]:port} or a bare IPv6 address. */
        static Authority parse(String authority, String value) {
            if (authority.startsWith("[")) {
                int close = authority.indexOf(']');
                if (close < 0) {
                    throw invalid(value, "an IPv6 address lacks its closing bracket");
                }
                String after = authority.substring(close + 1);
                if (!after.isEmpty() && !after.startsWith(":")) {
                    throw invalid(value, "unexpected text after the IPv6 address");
                }
                return new Authority(authority.substring(1, close), after.isEmpty() ? null : after.substring(1));
            }
            int colon = authority.indexOf(':');
            if (colon < 0 || colon != authority.lastIndexOf(':')) {
                return new Authority(authority, null);
            }
            return new Authority(authority.substring(0, colon), authority.substring(colon + 1));
        }
    }
}
