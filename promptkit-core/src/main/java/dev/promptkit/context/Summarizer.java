/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.context;

import dev.promptkit.types.Message;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Writes a summary of messages that {@link Truncation#SUMMARIZE} takes out of a request.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Summarizer {

    /**
     * A summary of {@code messages}, oldest first.
     *
     * @param maxTokens how long the summary may be; a longer one is not used
     * @return the summary text; an error or an empty or blank text counts as a failure
     */
    Mono<String> summarize(List<Message> messages, int maxTokens);
}
