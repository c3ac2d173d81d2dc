package dev.promptkit.provider.anthropic;

import dev.promptkit.provider.PricingTable;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.ErrorMessageExtractor;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.ProviderCallListener;
import dev.promptkit.provider.http.StreamRequest;
import dev.promptkit.provider.http.StreamingHttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;

/**
 * Anthropic's Messages API ({@code POST {base}/v1/messages}, streamed as server-sent events).
 *
 * <pre>{@code
 * Provider claude = AnthropicProvider.builder()
 *         .settings(HttpProviderSettings.builder().apiKey(System.getenv("ANTHROPIC_API_KEY")).build())
 *         .defaultModel("claude-sonnet-4-5")
 *         .build();
 * }</pre>
 *
 * <p>The base URL is the API host without {@code /v1} ({@value #DEFAULT_BASE_URL} by default), as
 * Anthropic's own SDKs and {@code ANTHROPIC_BASE_URL} spell it, so that the same value works here; the
 * provider appends {@value #PATH}. The key goes in the {@code x-api-key} header, the API version in
 * {@code anthropic-version}; beta features are switched on with an {@code anthropic-beta} header in the
 * settings' extra headers.
 *
 * <p>Anthropic requires {@code max_tokens}: a request without {@code maxTokens} is sent with
 * {@link Builder#defaultMaxTokens} ({@value #DEFAULT_MAX_TOKENS} unless set). How messages, tools and
 * response formats are mapped is described in the {@linkplain dev.promptkit.provider.anthropic package}.
 */
public final class AnthropicProvider implements Provider {

    public static final String TYPE = "anthropic";
    public static final String DEFAULT_NAME = "anthropic";
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    public static final String DEFAULT_MODEL = "claude-haiku-4-5";
    public static final int DEFAULT_MAX_TOKENS = 4096;
    /** The path of the Messages API below the base URL. */
    public static final String PATH = "/v1/messages";
    /** The API version sent in every {@code anthropic-version} header. */
    public static final String API_VERSION = "2023-06-01";

    private final String name;
    private final String defaultModel;
    private final PricingTable pricing;
    private final Map<String, String> headers;
    private final MessagesRequestEncoder encoder;
    private final StreamingHttpClient http;

    private AnthropicProvider(Builder builder) {
        this.name = builder.name;
        this.defaultModel = builder.defaultModel;
        this.pricing = builder.pricing;
        HttpProviderSettings settings = builder.settings.withDefaultBaseUrl(DEFAULT_BASE_URL);
        Map<String, String> requestHeaders = new LinkedHashMap<>();
        if (settings.hasApiKey()) {
            requestHeaders.put("x-api-key", settings.apiKey());
        }
        requestHeaders.put("anthropic-version", API_VERSION);
        this.headers = Map.copyOf(requestHeaders);
        this.encoder = new MessagesRequestEncoder(name, builder.defaultMaxTokens);
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
            StreamRequest call = new StreamRequest(PATH, Map.of(), headers, encoder.encode(request, model));
            return http.streamSse(call, () -> new MessagesStreamDecoder(name));
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

    /** Builds an {@link AnthropicProvider}; only the API key (in the settings) is usually needed. */
    public static final class Builder {
        private String name = DEFAULT_NAME;
        private String defaultModel = DEFAULT_MODEL;
        private int defaultMaxTokens = DEFAULT_MAX_TOKENS;
        private HttpProviderSettings settings = HttpProviderSettings.builder().build();
        private PricingTable pricing = AnthropicPricing.TABLE;
        private ProviderCallListener listener = ProviderCallListener.NONE;

        private Builder() {
        }

        /** The name this instance is configured under; {@code anthropic} by default. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The model used when a request names none; {@value AnthropicProvider#DEFAULT_MODEL} by default. */
        public Builder defaultModel(String defaultModel) {
            this.defaultModel = Objects.requireNonNull(defaultModel, "defaultModel");
            return this;
        }

        /**
         * The {@code max_tokens} sent when a request sets no {@code maxTokens} (Anthropic requires one);
         * {@value AnthropicProvider#DEFAULT_MAX_TOKENS} by default.
         */
        public Builder defaultMaxTokens(int defaultMaxTokens) {
            if (defaultMaxTokens < 1) {
                throw new IllegalArgumentException("defaultMaxTokens must be at least 1");
            }
            this.defaultMaxTokens = defaultMaxTokens;
            return this;
        }

        /**
         * Base URL ({@value AnthropicProvider#DEFAULT_BASE_URL}, without {@code /v1}, when unset), API key,
         * extra headers, timeouts, retry and concurrency.
         */
        public Builder settings(HttpProviderSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The prices reported by {@link AnthropicProvider#pricing()}; {@link AnthropicPricing#TABLE} by default. */
        public Builder pricing(PricingTable pricing) {
            this.pricing = Objects.requireNonNull(pricing, "pricing");
            return this;
        }

        /** Hears retries and concurrency rejections. */
        public Builder listener(ProviderCallListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public AnthropicProvider build() {
            return new AnthropicProvider(this);
        }
    }
}
