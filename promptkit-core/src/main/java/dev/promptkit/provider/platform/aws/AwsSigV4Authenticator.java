/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.platform.aws;

import dev.promptkit.provider.http.RequestAuthenticator;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Signs each request with AWS Signature Version 4 ({@link SigV4Signer}), with credentials from an
 * {@link AwsCredentialsProvider}: by default the SDK's default chain (environment variables, system properties,
 * the web identity token, the shared {@code ~/.aws} profile files, SSO, the container and EC2 instance roles).
 * The payload is signed; the headers added are {@code Authorization}, {@code X-Amz-Date} and, with temporary
 * credentials, {@code X-Amz-Security-Token}. Resolving credentials may block, so signing runs on Reactor's
 * scheduler for blocking work. Needs {@code software.amazon.awssdk:auth} on the class path.
 *
 * @since 0.1.0
 */
public final class AwsSigV4Authenticator implements RequestAuthenticator {

    private final String region;
    private final String service;
    private final AwsCredentialsProvider credentials;
    private final Clock clock;
    private final SigV4Signer signer;

    private AwsSigV4Authenticator(String region, String service, AwsCredentialsProvider credentials, Clock clock) {
        this.region = Objects.requireNonNull(region, "region");
        this.service = Objects.requireNonNull(service, "service");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signer = new SigV4Signer(region, service);
    }

    /** Signs for {@code service} in {@code region} with the credentials of AWS's default chain. */
    public static AwsSigV4Authenticator defaultChain(String region, String service) {
        return of(region, service, DefaultCredentialsProvider.builder().build());
    }

    /** Signs for {@code service} (such as {@code bedrock}) in {@code region} with these credentials. */
    public static AwsSigV4Authenticator of(String region, String service, AwsCredentialsProvider credentials) {
        return new AwsSigV4Authenticator(region, service, credentials, Clock.systemUTC());
    }

    /** This authenticator, signing at the time {@code clock} tells (for tests against fixed signatures). */
    public AwsSigV4Authenticator withClock(Clock signingClock) {
        return new AwsSigV4Authenticator(region, service, credentials, signingClock);
    }

    @Override
    public Mono<Authentication> authenticate(URI uri, byte[] body) {
        return Mono.fromCallable(() -> sign(uri, body)).subscribeOn(Schedulers.boundedElastic());
    }

    private Authentication sign(URI uri, byte[] body) {
        AwsCredentials identity = credentials.resolveCredentials();
        String token = identity instanceof AwsSessionCredentials session ? session.sessionToken() : null;
        Map<String, String> headers = signer.sign("POST", uri, Map.of(), body,
                new SigV4Signer.Credentials(identity.accessKeyId(), identity.secretAccessKey(), token), clock.instant());
        List<String> secrets = new ArrayList<>(List.of(identity.accessKeyId(), identity.secretAccessKey()));
        if (token != null) {
            secrets.add(token);
        }
        String authorization = headers.get("Authorization");
        secrets.add(authorization.substring(authorization.indexOf("Signature=") + "Signature=".length()));
        return new Authentication(headers, secrets);
    }

    @Override
    public String toString() {
        return "AwsSigV4Authenticator[region=" + region + ", service=" + service + "]";
    }
}
