/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.platform.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.promptkit.provider.http.RequestAuthenticator;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Authenticates with a Microsoft Entra ID token ({@code Authorization: Bearer ...}) for the
 * {@value #COGNITIVE_SERVICES_SCOPE} scope, from a {@link TokenCredential}: by default
 * {@code DefaultAzureCredential} (environment variables, workload identity, managed identity, the Azure CLI's
 * login, ...). A token is reused until five minutes before it expires, then a new one is asked for. Needs
 * {@code com.azure:azure-identity} on the class path.
 *
 * @since 0.1.0
 */
public final class AzureTokenAuthenticator implements RequestAuthenticator {

    /** The scope of Azure OpenAI (Azure AI services) tokens. */
    public static final String COGNITIVE_SERVICES_SCOPE = "https://cognitiveservices.azure.com/.default";

    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final TokenCredential credential;
    private final TokenRequestContext request = new TokenRequestContext().addScopes(COGNITIVE_SERVICES_SCOPE);
    private volatile AccessToken token;

    private AzureTokenAuthenticator(TokenCredential credential) {
        this.credential = Objects.requireNonNull(credential, "credential");
    }

    /** Tokens of {@code DefaultAzureCredential}. */
    public static AzureTokenAuthenticator defaultCredential() {
        return of(new DefaultAzureCredentialBuilder().build());
    }

    /** Tokens of {@code credential}. */
    public static AzureTokenAuthenticator of(TokenCredential credential) {
        return new AzureTokenAuthenticator(credential);
    }

    @Override
    public Mono<Authentication> authenticate(URI uri, byte[] body) {
        return Mono.defer(() -> {
            AccessToken current = token;
            if (current != null && OffsetDateTime.now().plus(REFRESH_BEFORE_EXPIRY)
                    .isBefore(current.getExpiresAt())) {
                return Mono.just(current);
            }
            return credential.getToken(request).subscribeOn(Schedulers.boundedElastic())
                    .switchIfEmpty(Mono.error(() -> new IllegalStateException("the Azure credential gave no token")))
                    .doOnNext(fresh -> token = fresh);
        }).map(current -> Authentication.bearer(current.getToken()));
    }

    @Override
    public String toString() {
        return "AzureTokenAuthenticator[scope=" + COGNITIVE_SERVICES_SCOPE + "]";
    }
}
