/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.platform;

import dev.promptkit.provider.http.RequestAuthenticator;
import java.util.Objects;

/**
 * Google Vertex AI in one project and region: models are called at
 * {@code https://{region}-aiplatform.googleapis.com/v1/projects/{project}/locations/{region}/publishers/{publisher}/models/{model}:{method}}
 * ({@code https://aiplatform.googleapis.com/v1/...} for the {@code global} region), with a bearer token of Google
 * credentials.
 *
 * @param project the Google Cloud project id
 * @param region the region (location), such as {@code us-east5}, {@code europe-west4} or {@code global}
 * @param authenticator supplies the bearer token, typically a
 *        {@link dev.promptkit.provider.platform.google.GoogleCredentialsAuthenticator}
 *
 * @since 0.1.0
 */
public record VertexPlatform(String project, String region, RequestAuthenticator authenticator) implements Platform {

    public static final String TYPE = "vertex";

    public VertexPlatform {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(authenticator, "authenticator");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String baseUrl() {
        return "global".equals(region) ? "https://aiplatform.googleapis.com/v1"
                : "https://" + region + "-aiplatform.googleapis.com/v1";
    }

    /** The path of {@code method} (such as {@code streamGenerateContent}) on a publisher's model. */
    public String modelPath(String publisher, String model, String method) {
        return "/projects/" + project + "/locations/" + region + "/publishers/" + publisher + "/models/" + model + ":"
                + method;
    }
}
