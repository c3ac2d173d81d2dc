/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Authenticates each attempt of a call when a fixed API key will not do: a bearer token that is refreshed before
 * it expires (Vertex AI, Entra ID), or a signature over the URL, the time and the body (AWS SigV4). It is asked
 * again for every attempt, retries included, just before the request goes out.
 *
 * <p>Getting a credential may block (a token endpoint, the EC2 metadata service); implementations that do so
 * subscribe on a scheduler for blocking work, never on the caller's thread.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RequestAuthenticator {

    /** Adds nothing: the settings' API key (if any) is all a call carries. */
    RequestAuthenticator NONE = (uri, body) -> Mono.just(Authentication.NONE);

    /**
     * The headers that authenticate one POST.
     *
     * @param uri the request's full URI, as sent
     * @param body the request body, as sent
     */
    Mono<Authentication> authenticate(URI uri, byte[] body);

    /**
     * The headers to add to one request, and the secrets among them (a token, a signature, an access key id), which
     * are masked in anything that leaves the call. {@link #toString()} names the headers only.
     *
     * @param headers the headers to add
     * @param secrets the credential values to mask
     */
    record Authentication(Map<String, String> headers, List<String> secrets) {

        /** No header and no secret. */
        public static final Authentication NONE = new Authentication(Map.of(), List.of());

        public Authentication {
            headers = Map.copyOf(headers);
            secrets = List.copyOf(secrets);
        }

        /** {@code Authorization: Bearer token}, with the token as its secret. */
        public static Authentication bearer(String token) {
            Objects.requireNonNull(token, "token");
            return new Authentication(Map.of("Authorization", "Bearer " + token), List.of(token));
        }

        @Override
        public String toString() {
            return "Authentication[headers=" + headers.keySet() + "]";
        }
    }
}
