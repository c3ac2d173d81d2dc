/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.http;

/**
 * Looks at a request just before it is sent and may add or replace headers (the seed's {@code WithPreRequest}):
 * a correlation id, a short-lived token, a signature of the body. Runs on the calling thread: it must not block.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface PreRequestHook {

    /**
     * @param request the request about to be sent; the credentials configured on the tool show as
     *        {@code [redacted]} in it
     * @throws RuntimeException to fail the call, with a message naming the tool and the hook
     */
    void beforeSend(OutgoingRequest request);
}
