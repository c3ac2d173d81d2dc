/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import static dev.promptkit.provider.http.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.CostCalculator;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.FakeUpstream;
import dev.promptkit.provider.http.HttpProviderContract;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.Message;
import dev.promptkit.types.ModelParameters;
import dev.promptkit.types.ResponseFormat;
import dev.promptkit.types.TokenUsage;
import dev.promptkit.types.ToolChoice;
import dev.promptkit.types.ToolDescriptor;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Explicit context caching on a loopback Gemini API: the {@code cachedContents.create} request as the API reference
 * documents it, {@code generateContent} naming the resource, and the resource made again when it has expired or the
 * API says it is gone.
 */
class GeminiContextCacheTests {

    private static final String API_KEY = "AIzaSyTest-0123456789abcdefGHIJKLMNOPQR";
    private static final String SYSTEM = "You are the archivist of the Lisbon city library. Answer from the catalogue "
            + "below.";
    private static final ProviderRequest QUESTION = new ProviderRequest(null, SYSTEM,
            List.of(Message.user("Where is Pessoa's Book of Disquiet?")),
            List.of(new ToolDescriptor("find_book", "Finds a book in the catalogue", json("""
                    {"type": "object", "properties": {"title": {"type": "string"}}, "required": ["title"]}"""))),
            ToolChoice.AUTO, ModelParameters.DEFAULTS, ResponseFormat.TEXT, Map.of());
    private static final List<ProviderChunk> ANSWER = List.of(ProviderChunk.text("Shelf P-12."),
            ProviderChunk.finish("stop", new TokenUsage(212, 6, 4800, 0, 0)));

    @RegisterExtension
    final FakeUpstream upstream = new FakeUpstream(GeminiContextCacheTests.class, FakeUpstream.Framing.SSE);

    private final List<GeminiProvider> providers = new ArrayList<>();

    @AfterEach
    void closeProviders() {
        providers.forEach(GeminiProvider::close);
    }

    @Test
    void createsTheResourceOnceAsDocumentedAndNamesItInEveryTurnWithoutSystemInstructionOrTools()
            throws InterruptedException {
        GeminiProvider provider = provider(GeminiContextCaching.on().withMinTokens(10));
        upstream.enqueue(created("cachedContents/4vtaypkl5zmn", Instant.now().plus(Duration.ofMinutes(30))),
                upstream.streamFixture("text-from-cache.sse"), upstream.streamFixture("text-from-cache.sse"));

        assertThat(turn(provider)).isEqualTo(ANSWER);
        assertThat(turn(provider)).isEqualTo(ANSWER);

        RecordedRequest create = upstream.takeRequest();
        assertThat(create.getTarget()).isEqualTo("/v1beta/cachedContents");
        assertThat(create.getHeaders().get("x-goog-api-key")).isEqualTo(API_KEY);
        assertThat(create.getBody().utf8()).isEqualTo(upstream.requestFixture("create-cached-content.json"));
        for (int turn = 0; turn < 2; turn++) {
            RecordedRequest generate = upstream.takeRequest();
            assertThat(generate.getTarget())
                    .isEqualTo("/v1beta/models/gemini-3.6-flash:streamGenerateContent?alt=sse");
            assertThat(generate.getBody().utf8())
                    .isEqualTo(upstream.requestFixture("generate-with-cached-content.json"));
        }
        assertThat(upstream.requestCount()).isEqualTo(3);
    }

    @Test
    void pricesTheCachedTokensAsCachedReads() {
        GeminiProvider provider = provider(GeminiContextCaching.on().withMinTokens(10));
        upstream.enqueue(created("cachedContents/4vtaypkl5zmn", Instant.now().plus(Duration.ofMinutes(30))),
                upstream.streamFixture("text-from-cache.sse"));

        TokenUsage usage = turn(provider).get(1).usage();
        CostInfo cost = new CostCalculator(provider.name(), GeminiPricing.TABLE).cost("gemini-3.6-flash", usage);

        // 212 input at 0.75, 4800 cached at 0.075, 6 output at 3.75 US$ per million
        assertThat(cost.inputCostUsd()).isEqualByComparingTo("0.000159");
        assertThat(cost.cachedCostUsd()).isEqualByComparingTo("0.00036");
        assertThat(cost.outputCostUsd()).isEqualByComparingTo("0.0000225");
        assertThat(cost.totalCostUsd()).isEqualByComparingTo(new BigDecimal("0.0005415"));
    }

    @Test
    void sendsAPromptUnderTheThresholdUncachedWithoutCreatingAnything() throws InterruptedException {
        GeminiProvider provider = provider(GeminiContextCaching.on());
        upstream.enqueue(upstream.streamFixture("text-from-cache.sse"));

        turn(provider);

        RecordedRequest generate = upstream.takeRequest();
        assertThat(generate.getTarget()).endsWith(":streamGenerateContent?alt=sse");
        assertThat(json(generate.getBody().utf8()).has("systemInstruction")).isTrue();
        assertThat(upstream.requestCount()).isOne();
    }

    @Test
    void createsTheResourceAgainOnceItIsAboutToExpire() throws InterruptedException {
        GeminiProvider provider = provider(GeminiContextCaching.on().withMinTokens(10));
        upstream.enqueue(created("cachedContents/first", Instant.now().plusSeconds(10)),
                upstream.streamFixture("text-from-cache.sse"),
                created("cachedContents/second", Instant.now().plus(Duration.ofMinutes(30))),
                upstream.streamFixture("text-from-cache.sse"));

        turn(provider);
        turn(provider);

        assertThat(upstream.takeRequest().getTarget()).isEqualTo("/v1beta/cachedContents");
        assertThat(json(upstream.takeRequest().getBody().utf8()).path("cachedContent").asString())
                .isEqualTo("cachedContents/first");
        assertThat(upstream.takeRequest().getTarget()).isEqualTo("/v1beta/cachedContents");
        assertThat(json(upstream.takeRequest().getBody().utf8()).path("cachedContent").asString())
                .isEqualTo("cachedContents/second");
    }

    @Test
    void createsAResourceTheApiSaysIsGoneAgainAndSendsTheTurnOnceMore() throws InterruptedException {
        GeminiProvider provider = provider(GeminiContextCaching.on().withMinTokens(10));
        upstream.enqueue(created("cachedContents/deleted", Instant.now().plus(Duration.ofMinutes(30))),
                upstream.error(403, "errors/cache-gone.json"),
                created("cachedContents/fresh", Instant.now().plus(Duration.ofMinutes(30))),
                upstream.streamFixture("text-from-cache.sse"));

        assertThat(turn(provider)).isEqualTo(ANSWER);

        upstream.takeRequest();
        assertThat(json(upstream.takeRequest().getBody().utf8()).path("cachedContent").asString())
                .isEqualTo("cachedContents/deleted");
        assertThat(upstream.takeRequest().getTarget()).isEqualTo("/v1beta/cachedContents");
        assertThat(json(upstream.takeRequest().getBody().utf8()).path("cachedContent").asString())
                .isEqualTo("cachedContents/fresh");
    }

    @Test
    void failsTheTurnWithTheApisMessageWhenTheNewResourceIsGoneToo() {
        GeminiProvider provider = provider(GeminiContextCaching.on().withMinTokens(10));
        upstream.enqueue(created("cachedContents/a", Instant.now().plus(Duration.ofMinutes(30))),
                upstream.error(404), created("cachedContents/b", Instant.now().plus(Duration.ofMinutes(30))),
                upstream.error(404), upstream.streamFixture("text-from-cache.sse"));

        StepVerifier.create(provider.stream(QUESTION)).verifyErrorSatisfies(failure -> assertThat(failure)
                .isInstanceOfSatisfying(ProviderException.class, failed -> assertThat(failed.statusCode())
                        .isEqualTo(404))
                .hasMessageContaining("NOT_FOUND: models/gemini-9-flash is not found"));
        assertThat(upstream.requestCount()).isEqualTo(4);
    }

    @Test
    void sendsAPromptTheApiWillNotCacheUncachedAndDoesNotAskAgain() throws InterruptedException {
        GeminiProvider provider = provider(GeminiContextCaching.on().withMinTokens(10));
        upstream.enqueue(upstream.error(400, "errors/cache-too-small.json"),
                upstream.streamFixture("text-from-cache.sse"), upstream.streamFixture("text-from-cache.sse"));

        assertThat(turn(provider)).isEqualTo(ANSWER);
        assertThat(turn(provider)).isEqualTo(ANSWER);

        assertThat(upstream.takeRequest().getTarget()).isEqualTo("/v1beta/cachedContents");
        for (int turn = 0; turn < 2; turn++) {
            RecordedRequest generate = upstream.takeRequest();
            assertThat(json(generate.getBody().utf8()).has("systemInstruction")).isTrue();
            assertThat(json(generate.getBody().utf8()).has("cachedContent")).isFalse();
        }
        assertThat(upstream.requestCount()).isEqualTo(3);
    }

    @Test
    void makesOneResourceForManyConcurrentTurns() throws InterruptedException {
        int turns = 12;
        GeminiProvider provider = provider(GeminiContextCaching.on().withMinTokens(10));
        upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(createdBody("cachedContents/shared", Instant.now().plus(Duration.ofMinutes(30))))
                .headersDelay(200, TimeUnit.MILLISECONDS).build());
        for (int turn = 0; turn < turns; turn++) {
            upstream.enqueue(upstream.streamFixture("text-from-cache.sse"));
        }

        List<List<ProviderChunk>> answers = Flux.range(0, turns)
                .flatMap(turn -> provider.stream(QUESTION).collectList().subscribeOn(Schedulers.boundedElastic()))
                .collectList().block(Duration.ofSeconds(20));

        assertThat(answers).hasSize(turns).allSatisfy(answer -> assertThat(answer).isEqualTo(ANSWER));
        List<String> targets = new ArrayList<>();
        for (int request = 0; request <= turns; request++) {
            targets.add(upstream.takeRequest().getTarget());
        }
        assertThat(targets).filteredOn("/v1beta/cachedContents"::equals).hasSize(1);
        assertThat(upstream.requestCount()).isEqualTo(turns + 1);
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> GeminiContextCaching.on().withTtl(Duration.ofSeconds(5))))
                .hasMessage("Gemini context caching: ttl must be at least 1 minute, was PT5S");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> GeminiContextCaching.on().withMinTokens(-1)))
                .hasMessage("Gemini context caching: minTokens must not be negative, was -1");
    }

    private List<ProviderChunk> turn(GeminiProvider provider) {
        return provider.stream(QUESTION).collectList().block(Duration.ofSeconds(10));
    }

    private GeminiProvider provider(GeminiContextCaching caching) {
        GeminiProvider provider = GeminiProvider.builder().settings(HttpProviderSettings.builder()
                .baseUrl(upstream.url("/v1beta")).apiKey(API_KEY).retry(HttpProviderContract.QUICK_RETRIES).build())
                .contextCaching(caching).build();
        providers.add(provider);
        return provider;
    }

    /** The {@code CachedContent} the API answers a create with (fields as in the API reference). */
    private static MockResponse created(String name, Instant expireTime) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(createdBody(name, expireTime)).build();
    }

    private static String createdBody(String name, Instant expireTime) {
        return """
                {
                  "name": "%s",
                  "model": "models/gemini-3.6-flash",
                  "createTime": "%s",
                  "updateTime": "%s",
                  "expireTime": "%s",
                  "usageMetadata": {"totalTokenCount": 4800}
                }""".formatted(name, Instant.now(), Instant.now(), expireTime);
    }
}
