package dev.promptkit.provider.gemini;

import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.HttpProvider;
import dev.promptkit.provider.http.StreamRequest;
import java.util.Map;
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
 * <p>The base URL defaults to {@value #DEFAULT_BASE_URL}, the model to {@value #DEFAULT_MODEL}, the prices
 * to {@link GeminiPricing#TABLE}. A model is named as Gemini lists it ({@code gemini-2.5-flash}); a name
 * holding a slash is taken as a full resource name ({@code models/gemini-2.5-flash},
 * {@code tunedModels/my-model}).
 */
public final class GeminiProvider extends HttpProvider {

    public static final String TYPE = "gemini";
    public static final String DEFAULT_NAME = TYPE;
    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";
    public static final String DEFAULT_MODEL = "gemini-3.6-flash";

    private static final String METHOD = ":streamGenerateContent";
    private static final Map<String, String> SSE = Map.of("alt", "sse");

    private final Map<String, String> authentication;
    private final GenerateContentRequestEncoder encoder;

    private GeminiProvider(Builder builder) {
        super(builder, new GeminiErrorMessages());
        this.authentication = apiKeyHeader("x-goog-api-key", "");
        this.encoder = new GenerateContentRequestEncoder(name());
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected Flux<ProviderChunk> send(ProviderRequest request, String model) {
        String resource = model.contains("/") ? model : "models/" + model;
        StreamRequest call = new StreamRequest("/" + resource + METHOD, SSE, authentication,
                encoder.encode(request, model));
        return http().streamSse(call, () -> new GenerateContentStreamDecoder(name()));
    }

    /** Builds a {@link GeminiProvider}; only the API key (in the settings) is usually needed. */
    public static final class Builder extends HttpProvider.Builder<Builder, GeminiProvider> {

        private Builder() {
            super(TYPE, DEFAULT_MODEL, DEFAULT_BASE_URL, GeminiPricing.TABLE, GeminiProvider::new);
        }
    }
}
