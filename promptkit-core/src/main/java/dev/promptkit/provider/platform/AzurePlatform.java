/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.platform;

import dev.promptkit.provider.http.RequestAuthenticator;
import java.util.Objects;

/**
 * Azure OpenAI: a deployment on a resource, called at
 * {@code {endpoint}/openai/deployments/{deployment}/chat/completions?api-version={apiVersion}}, with either the
 * resource's API key in an {@code api-key} header ({@link RequestAuthenticator#NONE}: the provider's settings
 * hold the key) or a Microsoft Entra ID bearer token.
 *
 * @param endpoint the resource endpoint, such as {@code https://my-resource.openai.azure.com}
 * @param deployment the deployment name
 * @param apiVersion the API version, such as {@code 2024-10-21}
 * @param authenticator supplies Entra ID tokens (an
 *        {@link dev.promptkit.provider.platform.azure.AzureTokenAuthenticator}), or {@code NONE} for the API key
 *
 * @since 0.1.0
 */
public record AzurePlatform(String endpoint, String deployment, String apiVersion, RequestAuthenticator authenticator)
        implements Platform {

    public static final String TYPE = "azure";

    public AzurePlatform {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(authenticator, "authenticator");
        endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String baseUrl() {
        return endpoint + deploymentPath();
    }

    /** The path of the deployment below the resource endpoint. */
    public String deploymentPath() {
        return "/openai/deployments/" + deployment;
    }
}
