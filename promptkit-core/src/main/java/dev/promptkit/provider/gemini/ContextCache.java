/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.gemini.CacheablePrefix.CacheKey;
import dev.promptkit.provider.gemini.CachedContentRegistry.Entry;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends a {@code generateContent} body through an explicit context cache as {@link GeminiContextCaching} asks: a
 * body whose system instruction and tools are large enough names its {@code cachedContents} resource (made on first
 * use, see {@link CachedContentRegistry}) instead of carrying them. When the API answers that the named resource is
 * gone (404, or a 400 or 403 about the cached content) before anything was streamed, the resource is made again and
 * the body sent once more; a second such answer fails the turn. When the API refuses to make a resource (a 400,
 * typically a prompt under the model's minimum), the body is sent uncached, and that prompt stays uncached for the
 * caching lifetime. Other failures to make one fail the turn.
 */
final class ContextCache {

    private static final Logger log = LoggerFactory.getLogger(ContextCache.class);

    /** Makes a resource: the {@code cachedContents.create} body in, the created {@code CachedContent} out. */
    interface Creator {
        Mono<JsonNode> create(ObjectNode createBody);
    }

    private final String provider;
    private final GeminiContextCaching settings;
    private final Creator creator;
    private final Function<String, String> modelResource;
    private final CachedContentRegistry registry;
    private final Clock clock;

    ContextCache(String provider, GeminiContextCaching settings, Creator creator,
            Function<String, String> modelResource, Clock clock) {
        this.provider = provider;
        this.settings = settings;
        this.creator = creator;
        this.modelResource = modelResource;
        this.clock = clock;
        this.registry = new CachedContentRegistry(settings.maxEntries(), clock);
    }

    /** Streams {@code body} for {@code model} with {@code generate}, through the cache where it applies. */
    Flux<ProviderChunk> stream(ObjectNode body, String model, Function<ObjectNode, Flux<ProviderChunk>> generate) {
        if (!settings.enabled()) {
            return generate.apply(body);
        }
        CacheablePrefix prefix = CacheablePrefix.of(body);
        if (prefix.estimatedTokens() < settings.minTokens()) {
            return generate.apply(body);
        }
        return stream(body, prefix, prefix.keyFor(model), generate, true);
    }

    private Flux<ProviderChunk> stream(ObjectNode body, CacheablePrefix prefix, CacheKey key,
            Function<ObjectNode, Flux<ProviderChunk>> generate, boolean mayRemake) {
        return registry.entry(key, () -> create(prefix, key)).flatMapMany(entry -> {
            if (!entry.cached()) {
                return generate.apply(body);
            }
            Flux<ProviderChunk> answer = generate.apply(CacheablePrefix.referencing(body, entry.name()));
            if (!mayRemake) {
                return answer;
            }
            return Flux.defer(() -> {
                AtomicBoolean streamed = new AtomicBoolean();
                return answer.doOnNext(chunk -> streamed.set(true))
                        .onErrorResume(failure -> !streamed.get() && isGone(failure), gone -> {
                            log.debug("Provider '{}': cached content {} is gone ({}); making it again", provider,
                                    entry.name(), gone.getMessage());
                            registry.forget(key, entry.name());
                            return stream(body, prefix, key, generate, false);
                        });
            });
        });
    }

    private Mono<Entry> create(CacheablePrefix prefix, CacheKey key) {
        return creator.create(prefix.createBody(modelResource.apply(key.model()), settings.ttl()))
                .map(this::entryOf)
                .onErrorResume(ContextCache::isRefusal, refusal -> {
                    log.info("Provider '{}': Gemini would not cache the system instruction and tools of model '{}' "
                            + "({}); sending them uncached for {}", provider, key.model(), refusal.getMessage(),
                            settings.ttl());
                    return Mono.just(new Entry(null, clock.instant().plus(settings.ttl())));
                });
    }

    private Entry entryOf(JsonNode created) {
        String name = created.path("name").asString("");
        if (name.isEmpty()) {
            throw new ProviderException(provider, 200, "the created cached content has no name: " + created);
        }
        return new Entry(name, expireTime(created.path("expireTime").asString("")));
    }

    /** The API's expiry time (RFC 3339, always sent); the configured lifetime from now when it cannot be read. */
    private Instant expireTime(String text) {
        try {
            return Instant.parse(text);
        }
        catch (DateTimeParseException unreadable) {
            return clock.instant().plus(settings.ttl());
        }
    }

    private static boolean isRefusal(Throwable failure) {
        return failure instanceof ProviderException refused && refused.statusCode() == 400;
    }

    private static boolean isGone(Throwable failure) {
        if (!(failure instanceof ProviderException failed) || failed.kind() == ProviderException.Kind.INTERRUPTED) {
            return false;
        }
        String message = String.valueOf(failed.getMessage()).toLowerCase(Locale.ROOT);
        boolean aboutTheCache = message.contains("cachedcontent") || message.contains("cached content");
        return failed.statusCode() == 404 || (aboutTheCache && (failed.statusCode() == 400
                || failed.statusCode() == 403));
    }
}
