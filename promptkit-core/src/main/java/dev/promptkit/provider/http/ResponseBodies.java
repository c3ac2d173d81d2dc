/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a response body as text straight from its buffers, past every codec: Spring's {@code StringDecoder} logs
 * the bodies it decodes (at DEBUG an excerpt, at TRACE all of it, and {@code /actuator/loggers} can switch either
 * on), and an upstream's body, an error body above all, may echo a credential. Nothing here logs.
 *
 * @since 0.1.0
 */
public final class ResponseBodies {

    /** The most of an error body that is read; the rest is dropped. */
    public static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

    private ResponseBodies() {
    }

    /** The first {@code maxBytes} of the body (empty when there is none, or when it cannot be read). */
    public static Mono<String> excerpt(ClientResponse response, int maxBytes) {
        Flux<DataBuffer> body = DataBufferUtils.takeUntilByteCount(response.body(BodyExtractors.toDataBuffers()),
                maxBytes);
        return text(DataBufferUtils.join(body), charset(response)).onErrorReturn("").defaultIfEmpty("");
    }

    /**
     * The whole body, empty when there is none; fails with a
     * {@link org.springframework.core.io.buffer.DataBufferLimitException} when it is longer than {@code maxBytes}.
     */
    public static Mono<String> whole(ClientResponse response, int maxBytes) {
        return text(DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), maxBytes), charset(response))
                .defaultIfEmpty("");
    }

    private static Mono<String> text(Mono<DataBuffer> joined, Charset charset) {
        return joined.map(buffer -> {
            try {
                return buffer.toString(charset);
            }
            finally {
                DataBufferUtils.release(buffer);
            }
        });
    }

    private static Charset charset(ClientResponse response) {
        return response.headers().contentType().map(MediaType::getCharset).orElse(StandardCharsets.UTF_8);
    }
}
