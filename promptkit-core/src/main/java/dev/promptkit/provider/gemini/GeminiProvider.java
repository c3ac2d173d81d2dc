package dev.promptkit.provider.gemini;

import dev.promptkit.provider.PricingTable;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.ProviderCallListener;
import dev.promptkit.provider.http.StreamRequest;
import dev.promptkit.provider.http.StreamingHttpClient;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;

/**
 * The Gemini Developer API ({@code POST {base}/models/{model}:streamGenerateContent?alt=sse}, streamed as
 * server-sent events). The API key travels in the {@code x-goog-api-key} header, never in the URL.
 *
 * <pre>{@code
 * Provider gemini = GeminiProvider.builder()
 *         .settings(HttpProviderSettings.builder().apiKey(System.getenv("GEMINI_API_KEY")).build())
 *         .defaultModel("gemini-3.5-flash")
 *         .build();
 * }</pre>
 *
 * <p>A model is named as Gemini lists it ({@code gemini-2.5-flash}); a name holding a slash is taken as a
 * full resource name ({@code models/gemini-2.5-flash}, {@code tunedModels/my-model}).
 */
public final class GeminiProvider implements Provider {

    public static final String TYPE = "gemini";
    public static final String DEFAULT_NAME = "gemini";
    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";
    public static final String DEFAULT_MODEL = "gemini-3.6-flash";

    private static final String METHOD = ":streamGenerateContent";
    private static final Map<String, String> SSE = Map.of("alt", "sse");

    private final String name;
    private final String defaultModel;
    private final PricingTable pricing;
    private final Map<String, String> authentication;
    private final GenerateContentRequestEncoder encoder;
    private final StreamingHttpClient http;

    private GeminiProvider(Builder builder) {
        this.name = builder.name;
        this.defaultModel = builder.defaultModel;
        this.pricing = builder.pricing;
        HttpProviderSettings settings = builder.settings.withDefaultBaseUrl(DEFAULT_BASE_URL);
        this.authentication = settings.hasApiKey() ? Map.of("x-goog-api-key", settings.apiKey()) : Map.of();
        this.encoder = new GenerateContentRequestEncoder(name);
        this.http = new StreamingHttpClient(name, settings, new GeminiErrorMessages(), builder.listener);
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
            String resource = model.contains("/") ? model : "models/" + model;
            StreamRequest call = new StreamRequest("/" + resource + METHOD, SSE, authentication,
                    encoder.encode(request, model));
            return http.streamSse(call, () -> new GenerateContentStreamDecoder(name));
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

    /** Builds a {@link GeminiProvider}; only the API key (in the settings) is usually needed. */
    public static final class Builder {
        private String name = DEFAULT_NAME;
        private String defaultModel = DEFAULT_MODEL;
        private HttpProviderSettings settings = HttpProviderSettings.builder().build();
        private PricingTable pricing = GeminiPricing.TABLE;
        private ProviderCallListener listener = ProviderCallListener.NONE;

        private Builder() {
        }

        /** The name this instance is configured under; {@code gemini} by default. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The model used when a request names none; {@value GeminiProvider#DEFAULT_MODEL} by default. */
        public Builder defaultModel(String defaultModel) {
            this.defaultModel = Objects.requireNonNull(defaultModel, "defaultModel");
            return this;
        }

        /**
         * Base URL ({@value GeminiProvider#DEFAULT_BASE_URL} when unset), API key, extra headers, timeouts,
         * retry and concurrency.
         */
        public Builder settings(HttpProviderSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The prices reported by {@link GeminiProvider#pricing()}; {@link GeminiPricing#TABLE} by default. */
        public Builder pricing(PricingTable pricing) {
            this.pricing = Objects.requireNonNull(pricing, "pricing");
            return this;
        }

        /** Hears retries and concurrency rejections. */
        public Builder listener(ProviderCallListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public GeminiProvider build() {
            return new GeminiProvider(this);
        }
    }
}
