/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import dev.promptkit.event.EventBus;
import dev.promptkit.provider.http.EventPublishingCallListener;
import dev.promptkit.provider.http.ProviderCallListener;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What the hosting application lends the built-in HTTP providers: where they report retries, re-sends and
 * rejections, and the {@link WebClient.Builder} they start from (Spring Boot's, with its customisers and
 * observation, in a Spring application).
 *
 * @param listeners the listener for a provider, by provider name
 * @param webClients a fresh builder for each provider
 *
 * @since 0.1.0
 */
public record ProviderHost(Function<String, ProviderCallListener> listeners, Supplier<WebClient.Builder> webClients) {

    /** A host that hears nothing and starts every provider from a plain builder. */
    public static final ProviderHost STANDALONE = new ProviderHost(name -> ProviderCallListener.NONE, WebClient::builder);

    /** A host whose providers publish their retries, re-sends and rejections on {@code events}. */
    public static ProviderHost publishingTo(EventBus events, Supplier<WebClient.Builder> webClients) {
        return new ProviderHost(name -> new EventPublishingCallListener(name, events), webClients);
    }
}
