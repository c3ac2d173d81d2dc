/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.context;

import dev.promptkit.context.ContextWindow.Unit;
import dev.promptkit.embedding.EmbeddingProvider;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * {@link Truncation#RELEVANCE}: keeps the newest messages up to {@link RelevanceConfig#minRecentMessages()},
 * then, while they fit, the older units most similar to the query (cosine similarity of their embeddings,
 * at least {@link RelevanceConfig#similarityThreshold()}), in their original order. Units without text (an
 * image alone) are never chosen. Falls back to the sliding window, with a warning, when there is no query or
 * embedding fails.
 */
final class RelevanceTruncation {

    private static final Logger log = LoggerFactory.getLogger(RelevanceTruncation.class);

    private final EmbeddingProvider embeddings;
    private final RelevanceConfig config;

    RelevanceTruncation(EmbeddingProvider embeddings, RelevanceConfig config) {
        this.embeddings = embeddings;
        this.config = config;
    }

    Mono<FittedContext> fit(ContextWindow window) {
        List<Unit> older = window.older();
        int first = older.size();
        int left = window.spaceForOlder();
        int recentMessages = window.currentExchangeSize();
        while (first > 0 && recentMessages < config.minRecentMessages() && older.get(first - 1).tokens() <= left) {
            first--;
            left -= older.get(first).tokens();
            recentMessages += older.get(first).messages().size();
        }
        List<Unit> recent = older.subList(first, older.size());
        List<Unit> candidates = older.subList(0, first).stream().filter(unit -> !text(unit).isBlank()).toList();
        String query = query(window.messages());
        if (candidates.isEmpty()) {
            return Mono.just(window.keep(recent, null));
        }
        if (query.isBlank()) {
            return Mono.just(fallBack(window, "there is no query text"));
        }
        List<String> texts = new ArrayList<>(candidates.size() + 1);
        texts.add(query);
        candidates.forEach(unit -> texts.add(text(unit)));
        int space = left;
        return embeddings.embed(texts)
                .map(vectors -> window.keep(choose(recent, candidates, vectors, space), null))
                .onErrorResume(failure -> Mono.fromSupplier(() -> fallBack(window,
                        "embedding failed: " + failure.getMessage())));
    }

    private List<Unit> choose(List<Unit> recent, List<Unit> candidates, List<float[]> vectors, int space) {
        if (vectors.size() != candidates.size() + 1) {
            throw new IllegalStateException(embeddings.name() + " returned " + vectors.size() + " vectors for "
                    + (candidates.size() + 1) + " texts");
        }
        record Scored(Unit unit, double score) {
        }
        List<Scored> ranked = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            double score = CosineSimilarity.of(vectors.get(0), vectors.get(i + 1));
            if (score >= config.similarityThreshold()) {
                ranked.add(new Scored(candidates.get(i), score));
            }
        }
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(scored -> -scored.unit().index()));
        List<Unit> kept = new ArrayList<>(recent);
        int left = space;
        for (Scored scored : ranked) {
            if (scored.unit().tokens() <= left) {
                kept.add(scored.unit());
                left -= scored.unit().tokens();
            }
        }
        return kept;
    }

    private String query(List<Message> messages) {
        return switch (config.querySource()) {
            case CUSTOM -> config.customQuery();
            case LAST_N -> join(messages.subList(Math.max(0, messages.size() - config.lastN()), messages.size()));
            case LAST_USER -> messages.stream().filter(message -> message.role() == Role.USER)
                    .reduce((a, b) -> b).map(MessageText::of).orElse("");
        };
    }

    private static String text(Unit unit) {
        return join(unit.messages());
    }

    private static String join(List<Message> messages) {
        StringJoiner text = new StringJoiner("\n");
        messages.stream().map(MessageText::of).filter(part -> !part.isBlank()).forEach(text::add);
        return text.toString();
    }

    private static FittedContext fallBack(ContextWindow window, String reason) {
        log.warn("Token budget: cannot rank older messages by relevance ({}); falling back to the sliding window",
                reason);
        return SlidingWindow.fit(window, reason);
    }
}
