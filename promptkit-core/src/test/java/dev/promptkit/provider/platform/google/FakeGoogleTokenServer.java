/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.platform.google;

import dev.promptkit.provider.platform.VertexPlatform;
import java.io.IOException;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Google's OAuth 2 token endpoint on loopback for one test, and a service account's JSON key whose
 * {@code token_uri} points at it (with a freshly made RSA key, so that the library signs a real JWT assertion). Each
 * token request is answered with {@code ya29.fake-<n>}, valid for {@link #expiresIn(int)} seconds (an hour unless
 * set), or with an error when {@link #refuse()} was called.
 */
public final class FakeGoogleTokenServer implements BeforeEachCallback, AfterEachCallback {

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger issued = new AtomicInteger();
    private final List<String> grants = new CopyOnWriteArrayList<>();
    private volatile int expiresIn = 3600;
    private volatile boolean refusing;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                grants.add(request.getBody().utf8());
                if (refusing) {
                    return new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                            .body("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}")
                            .build();
                }
                return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                        .body("{\"access_token\":\"ya29.fake-" + issued.incrementAndGet() + "\",\"expires_in\":"
                                + expiresIn + ",\"token_type\":\"Bearer\"}").build();
            }
        });
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }

    /** How long the tokens issued from now on are valid. */
    public void expiresIn(int seconds) {
        this.expiresIn = seconds;
    }

    /** Answers every token request from now on with {@code invalid_grant}. */
    public void refuse() {
        this.refusing = true;
    }

    /** How many tokens were issued. */
    public int issued() {
        return issued.get();
    }

    /** The form bodies of the token requests, in order. */
    public List<String> grants() {
        return grants;
    }

    /** Vertex AI in {@code project} and {@code region}, with the tokens of {@link #serviceAccountJson()}. */
    public VertexPlatform vertex(String project, String region) {
        return new VertexPlatform(project, region, GoogleCredentialsAuthenticator.fromJson(serviceAccountJson()));
    }

    /** A service account's JSON key whose token URI is this server. */
    public String serviceAccountJson() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String pem = "-----BEGIN PRIVATE KEY-----\\n" + Base64.getEncoder().encodeToString(
                    generator.generateKeyPair().getPrivate().getEncoded()) + "\\n-----END PRIVATE KEY-----\\n";
            return """
                    {"type": "service_account", "project_id": "my-project", "private_key_id": "k1",
                     "private_key": "%s", "client_email": "promptkit@my-project.iam.gserviceaccount.com",
                     "client_id": "1234567890", "token_uri": "%s"}""".formatted(pem, server.url("/token"));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
