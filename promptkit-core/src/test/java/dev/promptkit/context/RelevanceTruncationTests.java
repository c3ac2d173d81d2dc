/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.context;

import static dev.promptkit.context.ContextBudgetTests.fit;
import static dev.promptkit.context.Messages.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.embedding.EmbeddingProvider;
import dev.promptkit.provider.gemini.GeminiEmbeddingProvider;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.RetryPolicy;
import dev.promptkit.provider.openai.OpenAiEmbeddingProvider;
import dev.promptkit.types.Message;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Relevance truncation against fake OpenAI and Gemini embedding upstreams. */
class RelevanceTruncationTests {

    /** The fake upstream of one vendor. */
    enum Vendor {
        OPENAI {
            @Override
            EmbeddingProvider provider(MockWebServer server) {
                return OpenAiEmbeddingProvider.builder().settings(settings(server.url("/v1").toString())).build();
            }

            @Override
            String answer(float[]... vectors) {
                // OpenAI numbers its embeddings; serve them last first to show the index is what counts
                StringBuilder data = new StringBuilder();
                for (int i = vectors.length - 1; i >= 0; i--) {
                    data.append(data.isEmpty() ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i)
                            .append(",\"embedding\":").append(json(vectors[i])).append('}');
                }
                return "{\"object\":\"list\",\"data\":[" + data + "],\"model\":\"text-embedding-3-small\","
                        + "\"usage\":{\"prompt_tokens\":42,\"total_tokens\":42}}";
            }

            @Override
            List<String> texts(JsonNode request) {
                List<String> texts = new ArrayList<>();
                request.get("input").forEach(text -> texts.add(text.stringValue()));
                return texts;
            }
        },
        GEMINI {
            @Override
            EmbeddingProvider provider(MockWebServer server) {
                return GeminiEmbeddingProvider.builder().settings(settings(server.url("/v1beta").toString())).build();
            }

            @Override
            String answer(float[]... vectors) {
                StringBuilder embeddings = new StringBuilder();
                for (float[] vector : vectors) {
                    embeddings.append(embeddings.isEmpty() ? "" : ",").append("{\"values\":").append(json(vector))
                            .append('}');
                }
                return "{\"embeddings\":[" + embeddings + "]}";
            }

            @Override
            List<String> texts(JsonNode request) {
                List<String> texts = new ArrayList<>();
                request.get("requests").forEach(item -> texts.add(item.at("/content/parts/0/text").stringValue()));
                return texts;
            }
        };

        abstract EmbeddingProvider provider(MockWebServer server);

        abstract String answer(float[]... vectors);

        abstract List<String> texts(JsonNode request);

        static HttpProviderSettings settings(String baseUrl) {
            return HttpProviderSettings.builder().baseUrl(baseUrl).apiKey("test-key").retry(RetryPolicy.DISABLED).build();
        }

        static String json(float[] vector) {
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < vector.length; i++) {
                json.append(i == 0 ? "" : ",").append(vector[i]);
            }
            return json.append(']').toString();
        }
    }

    private static final float[] PARIS = {1, 0, 0};
    private static final float[] NEAR_PARIS = {0.8f, 0.6f, 0};
    private static final float[] BAKING = {0, 1, 0};
    private static final float[] OTHER = {0, 0, 1};

    private final MockWebServer server = new MockWebServer();
    private final Message u1 = Message.user("What's the weather in Paris today?");
    private final Message a1 = Message.assistant("Sunny in Paris, 24 degrees.");
    private final Message u2 = Message.user("Give me a pancake recipe.");
    private final Message a2 = Message.assistant("Flour, eggs, milk, a pinch of salt.");
    private final Message u3 = Message.user("And for banana bread?");
    private final Message a3 = Message.assistant("Ripe bananas, flour, butter, sugar.");
    private final Message u4 = Message.user("Will Paris stay sunny tomorrow?");
    private final List<Message> conversation = List.of(u1, a1, u2, a2, u3, a3, u4);

    @BeforeEach
    void startServer() throws IOException {
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void keepsTheOlderMessagesMostSimilarToTheLatestUserMessageInTheirOrder(Vendor vendor) throws InterruptedException {
        server.enqueue(json(vendor.answer(PARIS, PARIS, NEAR_PARIS, BAKING, OTHER, BAKING, OTHER)));
        RelevanceConfig onlyTheQuestion = RelevanceConfig.DEFAULTS.withMinRecentMessages(1);
        // room for u4 and two of the older messages, not a third
        int available = tokens(u4, u1, a1) + 1;

        FittedContext fitted = fit(ContextBudget.relevance(100 + available, vendor.provider(server), onlyTheQuestion),
                conversation, null);

        assertThat(fitted.messages()).containsExactly(u1, a1, u4);
        assertThat(fitted.decision().fallbackReason()).isNull();
        assertThat(fitted.decision().messagesDropped()).isEqualTo(4);
        JsonNode request = JsonMapper.shared().readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
        assertThat(vendor.texts(request)).containsExactly(u4.text(), u1.text(), a1.text(), u2.text(), a2.text(),
                u3.text(), a3.text());
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void keepsTheRecentMessagesWhateverTheirRelevance(Vendor vendor) throws InterruptedException {
        server.enqueue(json(vendor.answer(PARIS, PARIS, NEAR_PARIS, BAKING, OTHER)));
        int available = tokens(u3, a3, u4, u1, a1) + 1;

        FittedContext fitted = fit(ContextBudget.relevance(100 + available, vendor.provider(server),
                RelevanceConfig.DEFAULTS), conversation, null);

        assertThat(fitted.messages()).containsExactly(u1, a1, u3, a3, u4);
        JsonNode request = JsonMapper.shared().readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
        assertThat(vendor.texts(request)).containsExactly(u4.text(), u1.text(), a1.text(), u2.text(), a2.text());
    }

    @Test
    void dropsMessagesBelowTheSimilarityThresholdEvenWhenTheyWouldFit() {
        server.enqueue(json(Vendor.OPENAI.answer(PARIS, PARIS, NEAR_PARIS, BAKING, OTHER, BAKING, OTHER)));
        RelevanceConfig config = RelevanceConfig.DEFAULTS.withMinRecentMessages(1).withSimilarityThreshold(0.5);

        FittedContext fitted = fit(ContextBudget.relevance(100 + tokens(conversation) - 1,
                Vendor.OPENAI.provider(server), config), conversation, null);

        assertThat(fitted.messages()).containsExactly(u1, a1, u4);
    }

    @Test
    void comparesWithTheLastNMessagesOrACustomQuery() throws InterruptedException {
        server.enqueue(json(Vendor.OPENAI.answer(PARIS, PARIS, NEAR_PARIS, BAKING, OTHER, BAKING, OTHER)));
        server.enqueue(json(Vendor.OPENAI.answer(PARIS, PARIS, NEAR_PARIS, BAKING, OTHER, BAKING, OTHER)));
        int budget = 100 + tokens(u4, u1, a1) + 1;
        EmbeddingProvider embeddings = Vendor.OPENAI.provider(server);

        fit(ContextBudget.relevance(budget, embeddings, RelevanceConfig.DEFAULTS.withMinRecentMessages(1).withLastN(2)),
                conversation, null);
        fit(ContextBudget.relevance(budget, embeddings, RelevanceConfig.DEFAULTS.withMinRecentMessages(1)
                .withCustomQuery("weather forecasts")), conversation, null);

        JsonNode lastN = JsonMapper.shared().readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
        JsonNode custom = JsonMapper.shared().readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
        assertThat(lastN.at("/input/0").stringValue()).isEqualTo(a3.text() + "\n" + u4.text());
        assertThat(custom.at("/input/0").stringValue()).isEqualTo("weather forecasts");
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void fallsBackToTheSlidingWindowWhenEmbeddingFails(Vendor vendor) {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Content-Type", "application/json").body("""
                {"error": {"code": 503, "message": "The model is overloaded. Please try again later.",
                  "status": "UNAVAILABLE"}}""").build());
        int budget = 100 + tokens(u3, a3, u4) + 1;

        FittedContext fitted = fit(ContextBudget.relevance(budget, vendor.provider(server),
                RelevanceConfig.DEFAULTS.withMinRecentMessages(1)), conversation, null);

        assertThat(fitted.messages()).containsExactly(u3, a3, u4);
        assertThat(fitted.decision().fallbackReason()).startsWith("embedding failed: Provider '"
                + vendor.name().toLowerCase(Locale.ROOT) + "' failed (HTTP 503): ")
                .endsWith("The model is overloaded. Please try again later.");
    }

    @Test
    void anIncompleteAnswerAlsoFallsBack() {
        server.enqueue(json(Vendor.OPENAI.answer(PARIS, PARIS)));
        int budget = 100 + tokens(u3, a3, u4) + 1;

        FittedContext fitted = fit(ContextBudget.relevance(budget, Vendor.OPENAI.provider(server),
                RelevanceConfig.DEFAULTS.withMinRecentMessages(1)), conversation, null);

        assertThat(fitted.messages()).containsExactly(u3, a3, u4);
        assertThat(fitted.decision().fallbackReason()).startsWith("embedding failed:");
    }

    @Test
    void aToolCallAndItsResultsAreScoredAndKeptTogether() {
        Message call = Messages.toolCall("c1");
        Message result = Messages.toolResult("c1");
        List<Message> withTools = List.of(u2, call, result, a2, u4);
        List<List<String>> embedded = new ArrayList<>();
        EmbeddingProvider byText = new EmbeddingProvider() {
            @Override
            public String name() {
                return "in-process";
            }

            @Override
            public Mono<List<float[]>> embed(List<String> texts) {
                embedded.add(texts);
                return Mono.just(texts.stream()
                        .map(text -> text.contains("found") || text.contains("Paris") ? PARIS : OTHER).toList());
            }

            @Override
            public int dimensions() {
                return 3;
            }

            @Override
            public int maxBatchSize() {
                return 100;
            }
        };

        FittedContext fitted = fit(ContextBudget.relevance(100 + tokens(call, result, u4), byText,
                RelevanceConfig.DEFAULTS.withMinRecentMessages(1)), withTools, null);

        assertThat(fitted.messages()).containsExactly(call, result, u4);
        assertThat(embedded).singleElement().asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactly(u4.text(), u2.text(), "[called lookup with {\"id\":\"c1\"}]\n{\"found\":\"c1\"}",
                        a2.text());
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
    }
}
