package dev.promptkit.provider.openai;

import dev.promptkit.provider.PricingTable;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.ErrorMessageExtractor;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.ProviderCallListener;
import dev.promptkit.provider.http.StreamRequest;
import dev.promptkit.provider.http.StreamingHttpClient;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;

/**
 * OpenAI Chat Completions ({@code POST {base}/chat/completions}, streamed as server-sent events), on
 * OpenAI itself, on Azure OpenAI, or on any compatible server.
 *
 * <pre>{@code
 * Provider openai = OpenAiProvider.builder()
 *         .settings(HttpProviderSettings.builder().apiKey(System.getenv("OPENAI_API_KEY")).build())
 *         .defaultModel("gpt-4o-mini")
 *         .build();
 * }</pre>
 *
 * <p>On Azure, set the base URL to the deployment
 * ({@code https://<resource>.openai.azure.com/openai/deployments/<deployment>}) and call
 * {@link Builder#azure(String)} with the API version: the key then goes in an {@code api-key} header and
 * the version in the {@code api-version} query parameter.
 */
public final class OpenAiProvider implements Provider {

    public static final String TYPE = "openai";
    public static final String DEFAULT_NAME = "openai";
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final String DEFAULT_MODEL = "gpt-4o-mini";

    private static final String PATH = "/chat/completions";

    private final String name;
    private final String defaultModel;
    private final PricingTable pricing;
    private final Map<String, String> authentication;
    private final Map<String, String> query;
    private final ChatCompletionsRequestEncoder encoder;
    private final StreamingHttpClient http;

    private OpenAiProvider(Builder builder) {
        this.name = builder.name;
        this.defaultModel = builder.defaultModel;
        this.pricing = builder.pricing;
        HttpProviderSettings settings = builder.resolvedSettings();
        this.authentication = !settings.hasApiKey() ? Map.of()
                : builder.azureApiVersion != null ? Map.of("api-key", settings.apiKey())
                : Map.of("Authorization", "Bearer " + settings.apiKey());
        this.query = builder.azureApiVersion != null ? Map.of("api-version", builder.azureApiVersion) : Map.of();
        this.encoder = new ChatCompletionsRequestEncoder(name, builder.legacyMaxTokens);
        this.http = new StreamingHttpClient(name, settings, ErrorMessageExtractor.jsonPointer("/error/message"),
                builder.listener);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String defaultModel() {
        return defaultModel;
    }

    @Override
    public Flux<ProviderChunk> stream(ProviderRequest request) {
        return Flux.defer(() -> {
            String model = request.model() == null || request.model().isBlank() ? defaultModel : request.model();
            StreamRequest call = new StreamRequest(PATH, query, authentication, encoder.encode(request, model));
            return http.streamSse(call, () -> new ChatCompletionsStreamDecoder(name));
        });
    }

    @Override
    public PricingTable pricing() {
        return pricing;
    }

    /** How many of this provider's calls are running now. */
    public int inFlight() {
        return http.inFlight();
    }

    /** Builds an {@link OpenAiProvider}; only the API key (in the settings) is usually needed. */
    public static final class Builder {
        private String name = DEFAULT_NAME;
        private String defaultModel = DEFAULT_MODEL;
        private HttpProviderSettings settings = HttpProviderSettings.builder().build();
        private String azureApiVersion;
        private boolean legacyMaxTokens;
        private PricingTable pricing = OpenAiPricing.TABLE;
        private ProviderCallListener listener = ProviderCallListener.NONE;

        private Builder() {
        }

        /** The name this instance is configured under; {@code openai} by default. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The model used when a request names none; {@value OpenAiProvider#DEFAULT_MODEL} by default. */
        public Builder defaultModel(String defaultModel) {
            this.defaultModel = Objects.requireNonNull(defaultModel, "defaultModel");
            return this;
        }

        /**
         * Base URL ({@value OpenAiProvider#DEFAULT_BASE_URL} when unset), API key, extra headers, timeouts,
         * retry and concurrency.
         */
        public Builder settings(HttpProviderSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Speaks Azure OpenAI: {@code api-key} header, {@code api-version} query; the base URL is the deployment's. */
        public Builder azure(String apiVersion) {
            this.azureApiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
            return this;
        }

        /**
         * Sends {@code max_tokens} instead of {@code max_completion_tokens}. OpenAI deprecated
         * {@code max_tokens} and rejects it for reasoning models; only older compatible servers need it.
         */
        public Builder legacyMaxTokens(boolean legacyMaxTokens) {
            this.legacyMaxTokens = legacyMaxTokens;
            return this;
        }

        /** The prices reported by {@link OpenAiProvider#pricing()}; {@link OpenAiPricing#TABLE} by default. */
        public Builder pricing(PricingTable pricing) {
            this.pricing = Objects.requireNonNull(pricing, "pricing");
            return this;
        }

        /** Hears retries and concurrency rejections. */
        public Builder listener(ProviderCallListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public OpenAiProvider build() {
            return new OpenAiProvider(this);
        }

        private HttpProviderSettings resolvedSettings() {
            if (azureApiVersion != null && settings.baseUrl() == null) {
                throw new IllegalStateException("Azure OpenAI needs the deployment URL as base URL: "
                        + "https://<resource>.openai.azure.com/openai/deployments/<deployment>");
            }
            return settings.withDefaultBaseUrl(DEFAULT_BASE_URL);
        }
    }
}
