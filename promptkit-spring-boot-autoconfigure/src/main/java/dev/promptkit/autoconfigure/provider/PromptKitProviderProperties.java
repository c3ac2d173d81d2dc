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
     * @param headers extra HTTP headers
     * @param options type-specific settings ({@code api-version} for Azure OpenAI, {@code script} for the mock)
     */
    public record Provider(String type, String apiKey, String baseUrl, String model,
            @DefaultValue Map<String, String> headers, @DefaultValue Map<String, String> options) {

        @Override
        public String toString() {
            return "Provider[type=" + type + ", apiKey=" + (apiKey == null ? "none" : "******") + ", baseUrl="
                    + baseUrl + ", model=" + model + ", headers=" + headers.keySet() + ", options=" + options + "]";
        }
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
