/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.provider;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The LLM providers, under {@code promptkit.providers.<name>.*}, and which one conversations use.
 * With none configured, the provider is detected from {@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY},
 * {@code GEMINI_API_KEY}/{@code GOOGLE_API_KEY} or {@code OLLAMA_HOST}; with none of those, the mock
 * provider serves.
 *
 * @param providers the providers by name
 * @param defaultProvider the provider conversations use; the first configured one when unset
 * @param mock the mock provider's settings (used when no other provider is configured or detected)
 *
 * @since 0.1.0
 */
@ConfigurationProperties("promptkit")
public record PromptKitProviderProperties(@DefaultValue Map<String, Provider> providers, String defaultProvider,
        @DefaultValue Mock mock) {

    /**
     * One provider.
     *
     * @param type {@code openai}, {@code anthropic}, {@code gemini}, {@code ollama}, {@code mock}, or a custom
     *     type with a {@code ProviderFactory}; the provider's name when unset
     * @param apiKey the API key (prefer an environment variable or a secret store to plain text)
     * @param baseUrl the API's base URL, for compatible servers, proxies or Azure
     * @param model the default model
     * @param api the API of an {@code openai} provider: {@code responses} (OpenAI's Responses API) or
     *     {@code chat-completions}; when unset, calls go to the Responses API for the models only it serves on
     *     OpenAI's own base URL, and to Chat Completions otherwise (every compatible server, Azure OpenAI)
     * @param headers extra HTTP headers
     * @param options type-specific settings ({@code api-version} for Azure OpenAI, {@code script} for the mock)
     * @param http timeouts, connection pool, concurrency limit and retries of an HTTP provider
     * @param limits the largest answer one call may stream (any provider type, the mock too)
     * @param platform the cloud platform that serves the vendor's models (Claude on Bedrock or Vertex AI, Gemini on
     *     Vertex AI, OpenAI models on Azure OpenAI); the vendor's own API when unset
     */
    public record Provider(String type, String apiKey, String baseUrl, String model, String api,
            @DefaultValue Map<String, String> headers, @DefaultValue Map<String, String> options,
            @DefaultValue Http http, @DefaultValue Limits limits, CloudPlatform platform) {

        @Override
        public String toString() {
            return "Provider[type=" + type + ", apiKey=" + (apiKey == null ? "none" : "******") + ", baseUrl="
                    + baseUrl + ", model=" + model + ", api=" + api + ", headers=" + headers.keySet() + ", options=" + options
                    + ", http=" + http + ", limits=" + limits + ", platform=" + platform + "]";
        }
    }

    /**
     * The cloud platform a provider's models are served on; the provider's {@code base-url}, when set, still
     * replaces the platform's URL (a proxy, a private endpoint).
     *
     * @param type {@code bedrock} (anthropic), {@code vertex} (anthropic, gemini) or {@code azure} (openai)
     * @param region the AWS region (bedrock) or Google Cloud region (vertex), such as {@code us-east-1} or
     *     {@code us-east5}
     * @param project the Google Cloud project id (vertex)
     * @param endpoint the Azure OpenAI resource endpoint, such as {@code https://my-resource.openai.azure.com}
     *     (azure)
     * @param deployment the Azure OpenAI deployment name (azure)
     * @param apiVersion the Azure OpenAI API version (azure; default 2024-10-21)
     * @param credentials where the credential comes from, {@code env:NAME}, {@code file:PATH} or the value itself:
     *     for vertex a service account's JSON key (default: Google's application-default credentials), for azure the
     *     resource's API key (default: {@code api-key}, else Microsoft Entra ID tokens of
     *     {@code DefaultAzureCredential}); bedrock always uses AWS's default credential chain
     */
    public record CloudPlatform(String type, String region, String project, String endpoint, String deployment,
            String apiVersion, String credentials) {

        @Override
        public String toString() {
            return "CloudPlatform[type=" + type + ", region=" + region + ", project=" + project + ", endpoint="
                    + endpoint + ", deployment=" + deployment + ", apiVersion=" + apiVersion + ", credentials="
                    + (credentials == null ? "none" : "******") + "]";
        }
    }

    /**
     * How an HTTP provider talks to its API; anything unset keeps PromptKit's default.
     *
     * @param connectTimeout how long opening a connection may take (default 10s)
     * @param idleTimeout how long the API may send nothing, before the first bytes and between reads (default 30s)
     * @param maxConnections the provider's connection pool size; each streamed call holds one connection until its
     *     answer ends, and as many calls again may wait for one (default 5000)
     * @param maxIdleTime how long a pooled connection may stay unused before it is closed; keep it below the
     *     server's (or proxy's) keep-alive timeout (default 20s)
     * @param maxLifeTime how long a pooled connection may be used at all before it is retired, so that DNS
     *     changes are followed (default 5m)
     * @param maxInFlight the most calls at once, beyond which calls queue or fail fast (default: no limit)
     * @param maxQueued how many calls may wait for a slot under {@code max-in-flight} (default 0)
     * @param maxQueueWait how long a call may wait for a slot (default 0)
     * @param retry when calls that failed before their first chunk are retried
     */
    public record Http(Duration connectTimeout, Duration idleTimeout, Integer maxConnections, Duration maxIdleTime,
            Duration maxLifeTime, Integer maxInFlight, Integer maxQueued, Duration maxQueueWait,
            @DefaultValue Retry retry) {
    }

    /**
     * The largest answer one call may stream; past either limit the call fails (nothing is stored) and the
     * upstream call is cancelled. Anything unset keeps PromptKit's default, above what any current model answers.
     *
     * @param maxAnswerChars the most characters of text and tool-call arguments (default 1000000)
     * @param maxAnswerTokens the most output tokens, as the provider reports them at the end (while streaming: at
     *     least one token per 8 characters) (default 256000)
     */
    public record Limits(Integer maxAnswerChars, Integer maxAnswerTokens) {
    }

    /**
     * Retries of calls that failed before their first chunk (429, 5xx, connection errors), with full-jitter
     * backoff, {@code Retry-After} honoured, and a token-bucket budget shared by all calls of the provider.
     *
     * @param maxRetries retries per call (default 2; 0 turns retries off)
     * @param initialBackoff the first delay's upper bound (default 250ms)
     * @param maxBackoff the largest delay (default 2s)
     * @param maxRetryAfter the longest {@code Retry-After} honoured (default 10s)
     * @param budgetPerSecond how fast the retry budget refills (default 5 per second)
     * @param budgetBurst how many retries the budget holds (default 10; 0 for no budget)
     */
    public record Retry(Integer maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
            Double budgetPerSecond, Integer budgetBurst) {
    }

    /**
     * The mock provider that serves when no real one is configured.
     *
     * @param enabled whether the mock may serve; when false and no provider is found, start-up fails
     * @param script the scripted-responses file (for example {@code classpath:mock-responses.yaml})
     * @param chunkSize characters per streamed chunk
     * @param chunkDelay delay between streamed chunks
     */
    public record Mock(@DefaultValue("true") boolean enabled, String script, @DefaultValue("20") int chunkSize,
            @DefaultValue("0ms") Duration chunkDelay) {
    }
}
