/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.context;

import dev.promptkit.context.ContextWindow.Unit;
import dev.promptkit.types.Message;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * {@link Truncation#SUMMARIZE}: keeps the newest older units that fit in half the space for messages and
 * replaces the rest with one system message written by the {@link Summarizer}. Falls back to the sliding
 * window, with a warning, when the summarizer fails or its summary does not fit.
 */
final class SummaryTruncation {

    /** What a summary message starts with; {@code %d} is the number of messages it replaces. */
    static final String PREFIX = "[Summary of %d earlier messages]: ";

    private static final Logger log = LoggerFactory.getLogger(SummaryTruncation.class);

    private final Summarizer summarizer;

    SummaryTruncation(Summarizer summarizer) {
        this.summarizer = summarizer;
    }

    Mono<FittedContext> fit(ContextWindow window) {
        List<Unit> older = window.older();
        int halfSpace = window.spaceForOlder() - window.available() / 2;
        List<Unit> kept = SlidingWindow.newest(older, Math.max(halfSpace, 0));
        List<Message> replaced = new ArrayList<>();
        older.subList(0, older.size() - kept.size()).forEach(unit -> replaced.addAll(unit.messages()));
        if (replaced.isEmpty()) {
            return Mono.just(SlidingWindow.fit(window, null));
        }
        int index = older.get(0).index();
        String prefix = PREFIX.formatted(replaced.size());
        int left = window.spaceForOlder() - ContextWindow.tokens(kept);
        int summaryTokens = left - window.counter().countInContext(Message.system(prefix));
        if (summaryTokens <= 0) {
            return Mono.just(fallBack(window, "no room is left for a summary"));
        }
        return summarizer.summarize(List.copyOf(replaced), summaryTokens)
                .filter(text -> !text.isBlank())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("the summarizer returned no text")))
                .map(text -> {
                    Unit summary = window.unit(index, List.of(Message.system(prefix + text.strip())));
                    return summary.tokens() <= left ? window.summarized(kept, summary, replaced.size())
                            : fallBack(window, "the summary needs " + summary.tokens() + " tokens, " + left
                                    + " are left");
                })
                .onErrorResume(failure -> Mono.fromSupplier(() -> fallBack(window,
                        "the summarizer failed: " + failure.getMessage())));
    }

    private static FittedContext fallBack(ContextWindow window, String reason) {
        log.warn("Token budget: cannot summarise older messages ({}); falling back to the sliding window", reason);
        return SlidingWindow.fit(window, reason);
    }
}
