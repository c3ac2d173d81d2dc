/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.provider;

import dev.promptkit.provider.http.RequestAuthenticator;
import dev.promptkit.provider.platform.AzurePlatform;
import dev.promptkit.provider.platform.BedrockPlatform;
import dev.promptkit.provider.platform.Platform;
import dev.promptkit.provider.platform.VertexPlatform;
import dev.promptkit.provider.platform.azure.AzureTokenAuthenticator;
import dev.promptkit.provider.platform.google.GoogleCredentialsAuthenticator;
import dev.promptkit.secret.CredentialSource;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.util.ClassUtils;

/**
 * The {@link Platform} of one {@code promptkit.providers.<name>.platform} entry, checked: a type the provider's type
 * is served on, the properties that type needs, and the optional library it runs on (AWS SDK, Google auth library,
 * Azure identity) on the class path. Each problem fails with a {@link ProviderConfigurationException} naming the
 * property and its valid values, or the library to add.
 */
final class ConfiguredPlatform {

    /** The default {@code api-version} of Azure OpenAI. */
    static final String DEFAULT_AZURE_API_VERSION = "2024-10-21";

    private static final Map<String, List<String>> PLATFORMS_BY_TYPE = Map.of("anthropic",
            List.of(BedrockPlatform.TYPE, VertexPlatform.TYPE), "gemini", List.of(VertexPlatform.TYPE), "openai",
            List.of(AzurePlatform.TYPE));

    private final String prefix;
    private final ClassLoader classLoader;

    private ConfiguredPlatform(String name, ClassLoader classLoader) {
        this.prefix = "promptkit.providers." + name + ".platform.";
        this.classLoader = classLoader;
    }

    /**
     * The platform of provider {@code name} of type {@code type}.
     *
     * @param apiKey the provider's {@code api-key}, the Azure key unless {@code credentials} names one
     */
    static Platform of(String name, String type, PromptKitProviderProperties.CloudPlatform config, String apiKey,
            ClassLoader classLoader) {
        return new ConfiguredPlatform(name, classLoader).platform(type, config, apiKey);
    }

    /** The API key a platform entry supplies (Azure's {@code credentials}), else {@code apiKey}. */
    static String apiKey(String name, PromptKitProviderProperties.CloudPlatform config, String apiKey) {
        if (config == null || !AzurePlatform.TYPE.equals(config.type()) || config.credentials() == null) {
            return apiKey;
        }
        return new ConfiguredPlatform(name, null).resolve(config.credentials());
    }

    private Platform platform(String type, PromptKitProviderProperties.CloudPlatform config, String apiKey) {
        List<String> served = PLATFORMS_BY_TYPE.getOrDefault(type, List.of());
        if (config.type() == null || !served.contains(config.type())) {
            String was = config.type() == null ? "not set" : "'" + config.type() + "'";
            throw invalid("type", served.isEmpty() ? "is not supported for a provider of type " + type + " (only "
                    + "anthropic, gemini and openai run on a cloud platform), was " + was : "must be one of "
                    + String.join(", ", served) + " for a provider of type " + type + ", was " + was,
                    served.isEmpty() ? "Remove " + prefix.substring(0, prefix.length() - 1) + "."
                            : "Set " + prefix + "type to one of " + String.join(", ", served) + ".");
        }
        return switch (config.type()) {
            case BedrockPlatform.TYPE -> {
                requireLibrary("software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider",
                        "software.amazon.awssdk:auth", "bedrock");
                if (config.credentials() != null) {
                    throw invalid("credentials", "is not used by bedrock, which signs with AWS's default credential"
                            + " chain", "Remove " + prefix + "credentials and give the credentials to the AWS chain "
                            + "(AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, an instance role).");
                }
                yield Platform.bedrock(required(config.region(), "region", "an AWS region such as us-east-1"));
            }
            case VertexPlatform.TYPE -> {
                requireLibrary("com.google.auth.oauth2.GoogleCredentials",
                        "com.google.auth:google-auth-library-oauth2-http", "vertex");
                String project = required(config.project(), "project", "a Google Cloud project id");
                String region = required(config.region(), "region", "a Google Cloud region such as us-east5 or global");
                yield new VertexPlatform(project, region, config.credentials() == null
                        ? GoogleCredentialsAuthenticator.applicationDefault()
                        : serviceAccount(config.credentials()));
            }
            default -> azure(config, apiKey);
        };
    }

    private AzurePlatform azure(PromptKitProviderProperties.CloudPlatform config, String apiKey) {
        String endpoint = required(config.endpoint(), "endpoint", "the resource endpoint, such as "
                + "https://my-resource.openai.azure.com");
        String deployment = required(config.deployment(), "deployment", "the deployment name");
        String apiVersion = config.apiVersion() != null ? config.apiVersion() : DEFAULT_AZURE_API_VERSION;
        boolean keyed = config.credentials() != null || (apiKey != null && !apiKey.isBlank());
        if (!keyed) {
            requireLibrary("com.azure.identity.DefaultAzureCredentialBuilder", "com.azure:azure-identity",
                    "azure (Entra ID, as neither api-key nor platform.credentials is set)");
        }
        return new AzurePlatform(endpoint, deployment, apiVersion,
                keyed ? RequestAuthenticator.NONE : AzureTokenAuthenticator.defaultCredential());
    }

    private GoogleCredentialsAuthenticator serviceAccount(String credentials) {
        try {
            return GoogleCredentialsAuthenticator.fromJson(resolve(credentials));
        }
        catch (UncheckedIOException e) {
            throw invalid("credentials", "(" + CredentialSource.parse(credentials) + ") holds no Google credentials "
                    + "JSON: " + e.getCause().getMessage(), "Point " + prefix + "credentials at a service account's "
                    + "JSON key (file:/path/key.json or env:NAME), or remove it to use the application-default "
                    + "credentials.");
        }
    }

    private String resolve(String credentials) {
        CredentialSource source = CredentialSource.parse(credentials);
        try {
            return source.resolve();
        }
        catch (IllegalStateException | UncheckedIOException e) {
            throw invalid("credentials", "cannot be read: " + e.getMessage(), "Set " + prefix + "credentials to "
                    + "env:NAME (an environment variable that is set), file:PATH (a readable file) or the value.");
        }
    }

    private String required(String value, String property, String expected) {
        if (value == null || value.isBlank()) {
            throw invalid(property, "is required for this platform", "Set " + prefix + property + " to " + expected
                    + ".");
        }
        return value;
    }

    private void requireLibrary(String className, String artifact, String platform) {
        if (!ClassUtils.isPresent(className, classLoader)) {
            throw new ProviderConfigurationException(prefix + "type", prefix + "type is " + platform + ", which needs "
                    + artifact + " on the class path, and it is not there (" + className + " was not found).",
                    "Add the dependency " + artifact + " to the application (PromptKit declares it optional), or "
                    + "choose another platform.", null);
        }
    }

    private ProviderConfigurationException invalid(String property, String problem, String action) {
        return new ProviderConfigurationException(prefix + property, prefix + property + " " + problem + ".", action,
                null);
    }
}
