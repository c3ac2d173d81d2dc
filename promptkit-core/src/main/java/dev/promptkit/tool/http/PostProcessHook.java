/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.http;

/**
 * Rewrites what the model is shown of a successful response (the seed's {@code WithPostProcess}): adds a computed
 * field, drops noise, turns JSON into a sentence. Gets the result after redaction and selection, so it never sees
 * a credential the tool sends. Runs on the calling thread: it must not block.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface PostProcessHook {

    /**
     * @param result the response body as the model would see it: compact JSON, or the text as it came
     * @return what the model sees instead; a runtime exception fails the call with a message naming the tool and the
     *         hook
     */
    String process(String result);
}
