package dev.promptkit.provider.ollama;

import dev.promptkit.provider.ModelPricing;
import dev.promptkit.provider.PricingTable;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prices for models run by Ollama. A local model costs nothing, so its price is an explicit 0 USD,
 * which also keeps the cost calculator from warning that the price is unknown. A {@link PricingTable}
 * prices only the models it names: {@link OllamaProvider} prices its default model, and the other models
 * a conversation uses are listed with {@link OllamaProvider.Builder#pricing}
 * ({@code OllamaPricing.free("llama3.2", "qwen3:8b")}); a model left out still costs 0 USD, with one
 * warning in the log. Give real prices there, or in the {@code promptkit.pricing.<model>} properties,
 * when the server bills (a paid proxy, Ollama's cloud models).
 */
public final class OllamaPricing {

    /** What a local model costs: nothing. */
    public static final ModelPricing FREE = new ModelPricing(0, 0, 0, 0);

    private OllamaPricing() {
    }

    /** A table pricing each of {@code models}, by the name requests use (tag included), at 0 USD. */
    public static PricingTable free(String... models) {
        return new PricingTable(Arrays.stream(models).distinct()
                .collect(Collectors.toMap(Function.identity(), model -> FREE)));
    }
}
