/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import dev.promptkit.sdk.ConversationOptions;
import java.util.Map;

/** Applies {@code promptkit.pricing.<model>.*}: model prices over the providers' built-in tables. */
record PricingPropertiesCustomizer(Map<String, PromptKitProperties.Pricing> prices)
        implements ConversationOptionsCustomizer {

    @Override
    public void customize(ConversationOptions.Builder options) {
        prices.forEach((model, price) -> options.provider(provider -> provider.withPricing(model,
                price.toModelPricing())));
    }
}
