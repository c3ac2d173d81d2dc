package dev.promptkit.provider.ollama;

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
 * Ollama's native chat API ({@code POST {base}/api/chat}, streamed as newline-delimited JSON), on a local
 * server, a remote one, or behind a proxy.
 *
 * <pre>{@code
 * Provider ollama = OllamaProvider.builder()
 *         .settings(HttpProviderSettings.builder()
 *                 .baseUrl(OllamaHost.baseUrl(System.getenv(OllamaHost.ENVIRONMENT_VARIABLE))).build())
 *         .defaultModel("qwen3:8b")
 *         .build();
 * }</pre>
 *
 * <p>The base URL is the server's root ({@value #DEFAULT_BASE_URL} when unset), read as an
 * {@code OLLAMA_HOST} value (see {@link OllamaHost}), so {@code 127.0.0.1:11434} works as well as a URL.
 * Ollama needs no API key; one that is set is sent as a bearer token, as Ollama's cloud and most
 * authenticating proxies expect. Local models cost nothing (see {@link OllamaPricing}). Loading a large
 * model can take longer than the default idle timeout before the first byte arrives: raise the
 * {@linkplain HttpProviderSettings#idleTimeout() idle timeout} for cold starts of such models.
 */
public final class OllamaProvider implements Provider {

    public static final String TYPE = "ollama";
    public static final String DEFAULT_NAME = "ollama";
    public static final String DEFAULT_BASE_URL = "http://localhost:11434";
    public static final String DEFAULT_MODEL = "llama3.2";

    private static final String PATH = "/api/chat";

    private final String name;
    private final String defaultModel;
    private final PricingTable pricing;
    private final Map<String, String> authentication;
    private final OllamaChatRequestEncoder encoder;
    private final StreamingHttpClient http;

    private OllamaProvider(Builder builder) {
        this.name = builder.name;
        this.defaultModel = builder.defaultModel;
        this.pricing = builder.pricing != null ? builder.pricing : OllamaPricing.TABLE;
        HttpProviderSettings settings = builder.resolvedSettings();
        this.authentication = settings.hasApiKey() ? Map.of("Authorization", "Bearer " + settings.apiKey())
                : Map.of();
        this.encoder = new OllamaChatRequestEncoder(name);
        this.http = new StreamingHttpClient(name, settings, ErrorMessageExtractor.jsonPointer("/error"),
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
            StreamRequest call = new StreamRequest(PATH, Map.of(), authentication, encoder.encode(request, model));
            return http.streamNdjson(call, () -> new OllamaChatStreamDecoder(name));
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

    /** Builds an {@link OllamaProvider}; with nothing set it talks to a local Ollama. */
    public static final class Builder {
        private String name = DEFAULT_NAME;
        private String defaultModel = DEFAULT_MODEL;
        private HttpProviderSettings settings = HttpProviderSettings.builder().build();
        private PricingTable pricing;
        private ProviderCallListener listener = ProviderCallListener.NONE;

        private Builder() {
        }

        /** The name this instance is configured under; {@code ollama} by default. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The model used when a request names none; {@value OllamaProvider#DEFAULT_MODEL} by default. */
        public Builder defaultModel(String defaultModel) {
            this.defaultModel = Objects.requireNonNull(defaultModel, "defaultModel");
            return this;
        }

        /**
         * Base URL (an {@code OLLAMA_HOST} value or URL; {@value OllamaProvider#DEFAULT_BASE_URL} when unset),
         * optional API key, extra headers, timeouts, retry and concurrency.
         */
        public Builder settings(HttpProviderSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The prices reported by {@link OllamaProvider#pricing()}; the default model at 0 USD by default. */
        public Builder pricing(PricingTable pricing) {
            this.pricing = Objects.requireNonNull(pricing, "pricing");
            return this;
        }

        /** Hears retries and concurrency rejections. */
        public Builder listener(ProviderCallListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @throws IllegalArgumentException if the base URL is neither an {@code OLLAMA_HOST} value nor a URL */
        public OllamaProvider build() {
            return new OllamaProvider(this);
        }

        private HttpProviderSettings resolvedSettings() {
            return new HttpProviderSettings(OllamaHost.baseUrl(settings.baseUrl()), settings.apiKey(),
                    settings.headers(), settings.connectTimeout(), settings.idleTimeout(), settings.maxLineBytes(),
                    settings.retry(), settings.concurrency());
        }
    }
}
