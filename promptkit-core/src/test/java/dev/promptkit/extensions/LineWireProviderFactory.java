/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.extensions;

import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderFactory;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.ProviderSpec;
import dev.promptkit.types.Message;
import dev.promptkit.types.TokenUsage;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * A custom provider type, "line-wire", for a made-up LLM service with a wire format of its own: the
 * request is JSON, the answer streams as text lines {@code T <text>} (a delta), {@code U <input> <output>}
 * (usage) and {@code E <reason>} (the end). Found by {@code ServiceLoader} through
 * {@code META-INF/services/dev.promptkit.provider.ProviderFactory}.
 */
public final class LineWireProviderFactory implements ProviderFactory {

    @Override
    public String type() {
        return "line-wire";
    }

    @Override
    public Provider create(ProviderSpec spec) {
        WebClient client = WebClient.builder().baseUrl(spec.baseUrl()).build();
        return new Provider() {
            @Override
            public String name() {
                return spec.name();
            }

            @Override
            public String type() {
                return "line-wire";
            }

            @Override
            public String defaultModel() {
                return spec.model() != null ? spec.model() : "line-1";
            }

            @Override
            public Flux<ProviderChunk> stream(ProviderRequest request) {
                String conversation = request.messages().stream().map(Message::text).collect(Collectors.joining("\n"));
                long[] usage = new long[2];
                return client.post().uri("/generate").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("system", String.valueOf(request.system()), "prompt", conversation))
                        .retrieve().bodyToFlux(String.class)
                        .flatMap(line -> switch (line.charAt(0)) {
                            case 'T' -> Flux.just(ProviderChunk.text(line.substring(2)));
                            case 'U' -> {
                                String[] counts = line.split(" ");
                                usage[0] = Long.parseLong(counts[1]);
                                usage[1] = Long.parseLong(counts[2]);
                                yield Flux.empty();
                            }
                            case 'E' -> Flux.just(ProviderChunk.finish(line.substring(2), TokenUsage.of(usage[0], usage[1])));
                            default -> Flux.error(new ProviderException(spec.name(), 0, "unreadable line: " + line));
                        });
            }
        };
    }
}
