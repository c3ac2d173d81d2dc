/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The baseline the provider is measured against: a plain {@link WebClient} on a connection pool of its own that
 * posts the request the provider posts and reads the streamed body as raw buffers, parsing nothing.
 */
final class BareChatCompletionsClient implements AutoCloseable {

    /** What {@code OpenAiProvider} posts for a single user message "Hello" to its default model. */
    private static final String REQUEST = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Hello\"}],\"stream\":true,\"stream_options\":{\"include_usage\":true}}";

    private final ConnectionProvider pool;
    private final WebClient client;

    BareChatCompletionsClient(String baseUrl, int maxConnections) {
        this.pool = ConnectionProvider.create("bare-webclient", maxConnections);
        this.client = WebClient.builder().baseUrl(baseUrl)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool))).build();
    }

    /** The streamed body's buffers as they arrive; whoever consumes them releases them. */
    Flux<DataBuffer> stream() {
        return client.post().uri("/chat/completions").header("Authorization", "Bearer bench")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM).bodyValue(REQUEST)
                .retrieve().bodyToFlux(DataBuffer.class);
    }

    /** Reads a whole streamed body, releasing each buffer, and gives its length in bytes. */
    Mono<Integer> bodyLength() {
        return stream().map(BareChatCompletionsClient::lengthReleased).reduce(0, Integer::sum);
    }

    /** The buffer's length; the buffer is released. */
    static int lengthReleased(DataBuffer buffer) {
        int length = buffer.readableByteCount();
        DataBufferUtils.release(buffer);
        return length;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
