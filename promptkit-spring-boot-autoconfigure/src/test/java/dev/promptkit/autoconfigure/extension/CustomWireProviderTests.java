/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderFactory;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.ProviderSpec;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.Response;
import dev.promptkit.types.Message;
import dev.promptkit.types.TokenUsage;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * A provider type for a service with a wire format of its own, contributed as a {@link ProviderFactory} bean
 * and chosen with {@code promptkit.providers.<name>.type}: the service answers the conversation as plain
 * text, with the token counts in response headers.
 */
class CustomWireProviderTests {

    @Test
    void aProviderFactoryBeanServesItsTypeFromTheProperties() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/plain")
                    .addHeader("X-Tokens-In", "21").addHeader("X-Tokens-Out", "4").body("Plain text, no framing.")
                    .build());
            PromptKitContextRunners.withMockProvider()
                    .withBean(ProviderFactory.class, PlainTextProviderFactory::new)
                    .withPropertyValues("promptkit.providers.plain.type=plain-text",
                            "promptkit.providers.plain.base-url=" + server.url("/"))
                    .run(context -> {
                        Response response = context.getBean(Conversations.class).open("faq").send("shipping times?");

                        assertThat(response.text()).isEqualTo("Plain text, no framing.");
                        assertThat(response.inputTokens()).isEqualTo(21);
                        assertThat(response.outputTokens()).isEqualTo(4);
                    });
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request.getTarget()).isEqualTo("/answer");
            assertThat(request.getBody().utf8()).isEqualTo("shipping times?");
        }
    }

    /** Sends the conversation's text, reads the answer's text and its token headers. */
    static final class PlainTextProviderFactory implements ProviderFactory {

        @Override
        public String type() {
            return "plain-text";
        }

        @Override
        public Provider create(ProviderSpec spec) {
            WebClient client = WebClient.builder().baseUrl(spec.baseUrl()).build();
            return new Provider() {
                public String name() {
                    return spec.name();
                }

                public String type() {
                    return "plain-text";
                }

                public String defaultModel() {
                    return "plain-1";
                }

                public Flux<ProviderChunk> stream(ProviderRequest request) {
                    String text = String.join("\n", request.messages().stream().map(Message::text).toList());
                    return client.post().uri("/answer").bodyValue(text).retrieve().toEntity(String.class)
                            .flatMapMany(entity -> Flux.just(ProviderChunk.text(entity.getBody()),
                                    ProviderChunk.finish("stop", TokenUsage.of(
                                            Long.parseLong(entity.getHeaders().getFirst("X-Tokens-In")),
                                            Long.parseLong(entity.getHeaders().getFirst("X-Tokens-Out"))))));
                }
            };
        }
    }
}
