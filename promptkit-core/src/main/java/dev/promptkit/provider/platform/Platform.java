/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.platform;

import dev.promptkit.provider.http.RequestAuthenticator;
import dev.promptkit.provider.platform.aws.AwsSigV4Authenticator;
import dev.promptkit.provider.platform.azure.AzureTokenAuthenticator;
import dev.promptkit.provider.platform.google.GoogleCredentialsAuthenticator;

/**
 * A cloud platform that serves a vendor's models under its own URL and authentication: Claude on AWS Bedrock,
 * Gemini and Claude on Google Vertex AI, OpenAI models on Azure OpenAI. The platform changes where a provider
 * sends its requests and how it authenticates them, never how messages are encoded.
 *
 * <pre>{@code
 * Provider claude = AnthropicProvider.builder().platform(Platform.bedrock("us-east-1"))
 *         .model("anthropic.claude-sonnet-4-5-20250929-v1:0").build();
 * Provider gemini = GeminiProvider.builder().platform(Platform.vertex("my-project", "europe-west4")).build();
 * Provider gpt = OpenAiProvider.builder().platform(Platform.azureEntraId("https://my-res.openai.azure.com",
 *         "gpt-4o-prod", "2024-10-21")).build();
 * }</pre>
 *
 * A base URL in the provider's settings replaces the platform's (a proxy, a private endpoint, a test server).
 *
 * @since 0.1.0
 */
public sealed interface Platform permits BedrockPlatform, VertexPlatform, AzurePlatform {

    /** The platform's name in configuration: {@code bedrock}, {@code vertex} or {@code azure}. */
    String type();

    /** The API root the platform serves the vendor's models under. */
    String baseUrl();

    /** How each request is authenticated; {@link RequestAuthenticator#NONE} for the settings' API key alone. */
    RequestAuthenticator authenticator();

    /** AWS Bedrock in {@code region}, signing with the credentials of AWS's default chain. */
    static BedrockPlatform bedrock(String region) {
        return new BedrockPlatform(region, AwsSigV4Authenticator.defaultChain(region, BedrockPlatform.SIGNING_NAME));
    }

    /** Vertex AI in {@code project} and {@code region}, with Google's application-default credentials. */
    static VertexPlatform vertex(String project, String region) {
        return new VertexPlatform(project, region, GoogleCredentialsAuthenticator.applicationDefault());
    }

    /**
     * Azure OpenAI's {@code deployment} on the resource {@code endpoint}, authenticated with the API key of the
     * provider's settings (the {@code api-key} header).
     */
    static AzurePlatform azure(String endpoint, String deployment, String apiVersion) {
        return new AzurePlatform(endpoint, deployment, apiVersion, RequestAuthenticator.NONE);
    }

    /** Azure OpenAI with Microsoft Entra ID tokens of {@code DefaultAzureCredential} instead of an API key. */
    static AzurePlatform azureEntraId(String endpoint, String deployment, String apiVersion) {
        return new AzurePlatform(endpoint, deployment, apiVersion, AzureTokenAuthenticator.defaultCredential());
    }
}
