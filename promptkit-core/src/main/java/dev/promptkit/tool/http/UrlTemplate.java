/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * A configured tool URL with {@code {name}} variables in its path. Expanding it percent-encodes every
 * value so strictly (all but letters, digits and {@code -._~}) that no value can add a path segment, a
 * query, a fragment or an authority: requests always go to the configured scheme, host and port.
 */
final class UrlTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.-]*)}");

    private final String origin;
    private final String path;
    private final String query;
    private final Set<String> variables;

    private UrlTemplate(String origin, String path, String query, Set<String> variables) {
        this.origin = origin;
        this.path = path;
        this.query = query;
        this.variables = variables;
    }

    /** Parses an absolute {@code http}/{@code https} URL; variables may appear in its path only. */
    static UrlTemplate parse(String url) {
        UriComponents parts;
        try {
            parts = UriComponentsBuilder.fromUriString(url).build();
        }
        catch (IllegalArgumentException unparsable) {
            throw invalid(url, unparsable.getMessage());
        }
        String scheme = parts.getScheme() == null ? "" : parts.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(url, "it must start with http:// or https://");
        }
        String host = parts.getHost();
        if (host == null || host.isEmpty() || host.contains("{")) {
            throw invalid(url, "it needs a fixed host");
        }
        if (parts.getUserInfo() != null) {
            throw invalid(url, "it must not hold user info; send credentials in a header");
        }
        if (parts.getFragment() != null) {
            throw invalid(url, "it must not have a fragment");
        }
        String query = parts.getQuery();
        if (query != null && (query.contains("{") || query.contains("}"))) {
            throw invalid(url, "variables are only allowed in its path");
        }
        String path = parts.getPath() == null ? "" : parts.getPath();
        String literalPath = VARIABLE.matcher(path).replaceAll("x");
        if (literalPath.contains("{") || literalPath.contains("}")) {
            throw invalid(url, "a path variable must read {name}, with a letter or '_' first");
        }
        String origin = scheme + "://" + host + (parts.getPort() == -1 ? "" : ":" + parts.getPort());
        try {
            new URI(origin + literalPath + (query == null ? "" : "?" + query));
        }
        catch (URISyntaxException notAUri) {
            throw invalid(url, notAUri.getReason());
        }
        Set<String> variables = VARIABLE.matcher(path).results().map(match -> match.group(1))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new UrlTemplate(origin, path, query, variables);
    }

    /** Whether requests go over TLS. */
    boolean isHttps() {
        return origin.startsWith("https:");
    }

    /** The names of the path variables, in the order they first appear. */
    Set<String> variables() {
        return variables;
    }

    /**
     * The request URI: the configured URL with the path variables filled and the parameters added to
     * its query.
     *
     * @param pathValues a value for each of the {@link #variables()}
     * @param queryParameters name and value pairs, in order, repetitions allowed
     * @throws IllegalArgumentException when a path value is empty, {@code .} or {@code ..}
     */
    URI expand(Map<String, String> pathValues, List<Map.Entry<String, String>> queryParameters) {
        String expandedPath = VARIABLE.matcher(path).replaceAll(match ->
                Matcher.quoteReplacement(encodePathValue(match.group(1), pathValues.get(match.group(1)))));
        String fullQuery = Stream.concat(Stream.ofNullable(query).filter(q -> !q.isEmpty()),
                        queryParameters.stream().map(p -> encode(p.getKey()) + "=" + encode(p.getValue())))
                .collect(Collectors.joining("&"));
        return URI.create(origin + expandedPath + (fullQuery.isEmpty() ? "" : "?" + fullQuery));
    }

    private static String encodePathValue(String name, String value) {
        if (value.isEmpty() || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("argument '" + name + "' must not be empty, '.' or '..': "
                    + "it is part of the URL path");
        }
        return encode(value);
    }

    private static String encode(String text) {
        return UriUtils.encode(text, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String url, String reason) {
        return new IllegalArgumentException("'" + url + "' is not a usable tool URL: " + reason);
    }
}
