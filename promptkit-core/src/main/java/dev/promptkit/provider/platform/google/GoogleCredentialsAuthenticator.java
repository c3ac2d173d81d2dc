/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.platform.google;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.promptkit.provider.http.RequestAuthenticator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Authenticates with an OAuth 2 access token of Google credentials ({@code Authorization: Bearer ...}), for the
 * {@value #CLOUD_PLATFORM_SCOPE} scope: by default the application-default credentials (the
 * {@code GOOGLE_APPLICATION_CREDENTIALS} file, the gcloud user's, the metadata server's on Google Cloud). The token
 * is reused until it is about to expire, then refreshed by the credentials; the credentials are first looked up
 * when the first call needs them. Getting a token may block, so it runs on Reactor's scheduler for blocking work.
 * Needs {@code com.google.auth:google-auth-library-oauth2-http} on the class path.
 *
 * @since 0.1.0
 */
public final class GoogleCredentialsAuthenticator implements RequestAuthenticator {

    /** The scope Vertex AI's API asks for. */
    public static final String CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";

    private final Callable<GoogleCredentials> lookup;
    private volatile GoogleCredentials credentials;

    private GoogleCredentialsAuthenticator(Callable<GoogleCredentials> lookup) {
        this.lookup = lookup;
    }

    /** The application-default credentials, looked up when the first call needs them. */
    public static GoogleCredentialsAuthenticator applicationDefault() {
        return new GoogleCredentialsAuthenticator(GoogleCredentials::getApplicationDefault);
    }

    /** These credentials, scoped to {@value #CLOUD_PLATFORM_SCOPE} when they need a scope. */
    public static GoogleCredentialsAuthenticator of(GoogleCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return new GoogleCredentialsAuthenticator(() -> credentials);
    }

    /**
     * The credentials of a JSON key (a service account's key file, an authorized user's file).
     *
     * @throws UncheckedIOException if the JSON is no credentials file; the message does not quote it
     */
    public static GoogleCredentialsAuthenticator fromJson(String json) {
        try {
            return of(GoogleCredentials.fromStream(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        }
        catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("the Google credentials JSON cannot be read: "
                    + e.getClass().getSimpleName()));
        }
    }

    @Override
    public Mono<Authentication> authenticate(URI uri, byte[] body) {
        return Mono.fromCallable(this::token).subscribeOn(Schedulers.boundedElastic());
    }

    private Authentication token() throws Exception {
        GoogleCredentials current = credentials();
        current.refreshIfExpired();
        AccessToken token = current.getAccessToken();
        return Authentication.bearer(token.getTokenValue());
    }

    private GoogleCredentials credentials() throws Exception {
        GoogleCredentials current = credentials;
        if (current == null) {
            synchronized (this) {
                if (credentials == null) {
                    credentials = lookup.call().createScoped(CLOUD_PLATFORM_SCOPE);
                }
                current = credentials;
            }
        }
        return current;
    }

    @Override
    public String toString() {
        return "GoogleCredentialsAuthenticator[scope=" + CLOUD_PLATFORM_SCOPE + "]";
    }
}
