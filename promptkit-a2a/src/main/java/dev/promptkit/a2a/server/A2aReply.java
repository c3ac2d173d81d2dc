/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.a2a.server;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What an {@link A2aServer} answers a JSON-RPC request with: one JSON-RPC response, or (for {@code message/stream})
 * a stream of JSON-RPC responses, each sent as one server-sent event.
 *
 * @since 0.1.0
 */
public sealed interface A2aReply {

    /** One JSON-RPC response, as JSON text. */
    record Single(Mono<String> json) implements A2aReply {
    }

    /** JSON-RPC responses, each the data of one server-sent event. */
    record Stream(Flux<String> events) implements A2aReply {
    }
}
