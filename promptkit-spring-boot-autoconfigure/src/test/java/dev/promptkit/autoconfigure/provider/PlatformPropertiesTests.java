/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.autoconfigure.StartupFailures;
import dev.promptkit.provider.ProviderRegistry;
import dev.promptkit.provider.http.HttpProvider;
import dev.promptkit.sdk.Conversations;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code promptkit.providers.<name>.platform.*}: the platform each entry builds, and what is wrong with bad ones. */
class PlatformPropertiesTests {

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider();

    @TempDir
    Path dir;

    @Test
    void bedrockAndVertexServeClaudeAndGeminiWithoutAnApiKey() {
        contextRunner.withPropertyValues("promptkit.providers.claude.type=anthropic",
                "promptkit.providers.claude.platform.type=bedrock", "promptkit.providers.claude.platform.region=eu-west-1",
                "promptkit.providers.gemini.platform.type=vertex", "promptkit.providers.gemini.platform.project=acme",
                "promptkit.providers.gemini.platform.region=europe-west4").run(context -> {
                    ProviderRegistry providers = context.getBean(ProviderRegistry.class);
                    HttpProvider claude = (HttpProvider) providers.get("claude");
                    assertThat(claude.type()).isEqualTo("anthropic");
                    assertThat(claude.baseUrl()).isEqualTo("https://bedrock-runtime.eu-west-1.amazonaws.com");
                    assertThat(claude.hasApiKey()).isFalse();
                    assertThat(((HttpProvider) providers.get("gemini")).baseUrl())
                            .isEqualTo("https://europe-west4-aiplatform.googleapis.com/v1");
                });
    }

    @Test
    void azureCallsTheDeploymentWithTheKeyOfItsCredentialsSource() throws Exception {
        Path key = Files.writeString(dir.resolve("azure-key"), "azure-key-from-file-0123\n");
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body("""
                    data: {"choices":[{"index":0,"delta":{"content":"Hi!"},"finish_reason":"stop"}]}

                    data: [DONE]

                    """).build());
            contextRunner.withPropertyValues("promptkit.providers.azure.type=openai",
                    "promptkit.providers.azure.platform.type=azure",
                    "promptkit.providers.azure.platform.endpoint=" + server.url("/"),
                    "promptkit.providers.azure.platform.deployment=gpt-4o-prod",
                    "promptkit.providers.azure.platform.credentials=file:" + key).run(context -> {
                        assertThat(context.getBean(Conversations.class).open("faq").send("hello?").text())
                                .isEqualTo("Hi!");
                        RecordedRequest request = server.takeRequest();
                        assertThat(request.getTarget()).isEqualTo("/openai/deployments/gpt-4o-prod/chat/completions"
                                + "?api-version=2024-10-21");
                        assertThat(request.getHeaders().get("api-key")).isEqualTo("azure-key-from-file-0123");
                    });
        }
    }

    @Test
    void azureWithoutAKeyAsksEntraIdForATokenAtTheFirstCall() {
        contextRunner.withPropertyValues("promptkit.providers.azure.type=openai",
                "promptkit.providers.azure.platform.type=azure",
                "promptkit.providers.azure.platform.endpoint=http://127.0.0.1:9",
                "promptkit.providers.azure.platform.deployment=gpt-4o-prod").run(context -> {
                    HttpProvider azure = (HttpProvider) context.getBean(ProviderRegistry.class).get("azure");
                    assertThat(azure.hasApiKey()).isFalse();
                    assertThat(azure.baseUrl()).isEqualTo("http://127.0.0.1:9/openai/deployments/gpt-4o-prod");
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            claude.type=anthropic,claude.platform.type=azure | claude.platform.type | must be one of bedrock, vertex for a provider of type anthropic, was 'azure'
            gemini.platform.region=us-central1 | gemini.platform.type | must be one of vertex for a provider of type gemini, was not set
            local.type=ollama,local.platform.type=vertex | local.platform.type | is not supported for a provider of type ollama (only anthropic, gemini and openai run on a cloud platform), was 'vertex'
            claude.type=anthropic,claude.platform.type=bedrock | claude.platform.region | is required for this platform
            gemini.platform.type=vertex,gemini.platform.region=global | gemini.platform.project | is required for this platform
            azure.type=openai,azure.platform.type=azure,azure.platform.endpoint=https://r.openai.azure.com | azure.platform.deployment | is required for this platform
            claude.type=anthropic,claude.platform.type=bedrock,claude.platform.region=us-east-1,claude.platform.credentials=env:X | claude.platform.credentials | is not used by bedrock
            gemini.platform.type=vertex,gemini.platform.project=p,gemini.platform.region=global,gemini.platform.credentials=file:/no/such/sa.json | gemini.platform.credentials | cannot be read: the credential file /no/such/sa.json cannot be read: NoSuchFileException
            """)
    void aBadPlatformNamesThePropertyAndItsValidValues(String properties, String property, String problem) {
        String[] values = java.util.Arrays.stream(properties.split(",")).map(value -> "promptkit.providers." + value)
                .toArray(String[]::new);

        FailureAnalysis analysis = StartupFailures.analysis(contextRunner.withPropertyValues(values),
                new ProviderConfigurationFailureAnalyzer());

        assertThat(analysis.getDescription()).contains("(property promptkit.providers." + property + ")")
                .contains("promptkit.providers." + property + " " + problem);
    }

    @Test
    void aServiceAccountFileThatHoldsNoCredentialsIsRefusedAtStartUp() throws Exception {
        Path notJson = Files.writeString(dir.resolve("sa.json"), "{\"type\": \"nothing-google-knows\"}");

        FailureAnalysis analysis = StartupFailures.analysis(contextRunner.withPropertyValues(
                "promptkit.providers.gemini.platform.type=vertex", "promptkit.providers.gemini.platform.project=p",
                "promptkit.providers.gemini.platform.region=global",
                "promptkit.providers.gemini.platform.credentials=file:" + notJson),
                new ProviderConfigurationFailureAnalyzer());

        assertThat(analysis.getDescription()).contains("promptkit.providers.gemini.platform.credentials (the file "
                + notJson + ") holds no Google credentials JSON").doesNotContain("nothing-google-knows");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            software.amazon.awssdk | claude.type=anthropic,claude.platform.type=bedrock,claude.platform.region=us-east-1 | software.amazon.awssdk:auth
            com.google.auth | gemini.platform.type=vertex,gemini.platform.project=p,gemini.platform.region=global | com.google.auth:google-auth-library-oauth2-http
            com.azure.identity | azure.type=openai,azure.platform.type=azure,azure.platform.endpoint=https://r.openai.azure.com,azure.platform.deployment=d | com.azure:azure-identity
            """)
    void aMissingPlatformLibraryIsExplainedWithTheDependencyToAdd(String hidden, String properties, String artifact) {
        String[] values = java.util.Arrays.stream(properties.split(",")).map(value -> "promptkit.providers." + value)
                .toArray(String[]::new);

        FailureAnalysis analysis = StartupFailures.analysis(contextRunner.withClassLoader(new FilteredClassLoader(
                hidden)).withPropertyValues(values), new ProviderConfigurationFailureAnalyzer());

        assertThat(analysis.getDescription()).contains("which needs " + artifact + " on the class path");
        assertThat(analysis.getAction()).startsWith("Add the dependency " + artifact + " to the application");
    }
}
