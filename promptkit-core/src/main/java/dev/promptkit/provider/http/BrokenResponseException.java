/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import org.springframework.web.reactive.function.client.WebClientException;

/**
 * The upstream's response broke off while its body was read (a reset or closed connection): the cause of a
 * {@link dev.promptkit.provider.ProviderException} for such a failure, between it and the I/O error.
 *
 * <p>It is a {@link WebClientException} so that the failure reads as what it is, the failure of a call this
 * application made, to a web server that streams the answer on. Spring's {@code DisconnectedClientHelper}, which
 * WebFlux (and MVC) ask whether a failed response is their own client having gone away, says yes when the deepest
 * cause's message holds "connection reset by peer" or "broken pipe", unless a WebClient or RestClient exception is
 * in the chain. Taken for a client that went away, the failure is logged at DEBUG only and the response ends as if
 * it had succeeded: the user of a streaming app would get half an answer in a body that ended cleanly.
 */
final class BrokenResponseException extends WebClientException {

    private static final long serialVersionUID = 1L;

    BrokenResponseException(Throwable cause) {
        super("the upstream's response broke off while it was read", cause);
    }
}
