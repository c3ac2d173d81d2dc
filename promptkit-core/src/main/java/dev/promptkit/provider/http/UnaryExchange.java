/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * One request, one whole answer: what the unary clients on this layer share (the embedding providers'
 * {@link JsonPostClient}, the HTTP tool executor). The answer is read as text past every codec
 * ({@link ResponseBodies}): a successful body whole, up to a limit, any other an excerpt.
 *
 * @since 0.1.0
 */
public final class UnaryExchange {

    private UnaryExchange() {
    }

    /**
     * Sends {@code request} and reads its answer.
     *
     * @param maxBytes the longest successful body read; an error body is cut to this or
     *        {@link ResponseBodies#MAX_ERROR_BODY_BYTES}, whichever is smaller
     * @return the answer; fails with a {@link org.springframework.core.io.buffer.DataBufferLimitException} when a
     *         successful body is longer than {@code maxBytes}
     */
    public static Mono<Answer> send(WebClient.RequestHeadersSpec<?> request, int maxBytes) {
        return request.exchangeToMono(response -> (response.statusCode().is2xxSuccessful()
                ? ResponseBodies.whole(response, maxBytes)
                : ResponseBodies.excerpt(response, Math.min(maxBytes, ResponseBodies.MAX_ERROR_BODY_BYTES)))
                .map(body -> new Answer(response.statusCode().value(), response.headers().asHttpHeaders(), body)));
    }

    /**
     * An answer: its status, headers and body text (empty when there was none).
     *
     * @since 0.1.0
     */
    public record Answer(int status, HttpHeaders headers, String body) {

        /** Whether the status is 2xx. */
        public boolean successful() {
            return status >= 200 && status <= 299;
        }
    }
}
