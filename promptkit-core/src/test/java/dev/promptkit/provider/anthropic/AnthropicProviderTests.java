package dev.promptkit.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.ModelParameters;
import dev.promptkit.provider.ModelPricing;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.ResponseFormat;
import dev.promptkit.provider.TokenUsage;
import dev.promptkit.provider.ToolChoice;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.RecordingListener;
import dev.promptkit.provider.http.RetryPolicy;
import dev.promptkit.tool.ToolDescriptor;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.MediaContent;
import dev.promptkit.types.Message;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AnthropicProviderTests {

    private static final String API_KEY = "sk-ant-api03-test-0123456789abcdef";
    private static final RetryPolicy QUICK_RETRIES = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofMillis(5), 0, 0);
    private static final ProviderRequest HELLO = ProviderRequest.of(null, "Be brief.", List.of(Message.user("Hi")));
    private static final List<ProviderChunk> HELLO_ANSWER = List.of(ProviderChunk.text("Hello"),
            ProviderChunk.text("! Crème brûlée 🍮"), ProviderChunk.text(" or 寿司?"),
            ProviderChunk.finish("stop", TokenUsage.of(19, 10)));
    private static final JsonNode WEATHER_SCHEMA = json("""
            {"type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"],
             "additionalProperties": false}""");

    private final MockWebServer server = new MockWebServer();
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void startServer() throws IOException {
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void streamsTextDeltasAndSendsTheDocumentedRequest() throws InterruptedException {
        server.enqueue(sse(fixture("text.sse")));

        StepVerifier.create(provider().stream(HELLO)).expectNextSequence(HELLO_ANSWER).verifyComplete();

        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v1/messages");
        assertThat(request.getHeaders().get("x-api-key")).isEqualTo(API_KEY);
        assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(json(request.getBody().utf8())).isEqualTo(json("""
                {"model": "claude-haiku-4-5", "max_tokens": 4096, "system": "Be brief.",
                 "messages": [{"role": "user", "content": "Hi"}], "stream": true}"""));
    }

    @Test
    void decodesTextWhoseBytesArriveSplitAtOddBoundariesAndInsideCharacters() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .chunkedBody(fixture("text.sse"), 7).throttleBody(3, 1, TimeUnit.MILLISECONDS).build());

        StepVerifier.create(provider().stream(HELLO)).expectNextSequence(HELLO_ANSWER).verifyComplete();
    }

    @Test
    void assemblesParallelToolUseBlocksFromInputSplitAcrossDeltas() {
        server.enqueue(sse(fixture("parallel-tool-use.sse")));

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.text("I'll check the weather and the time in Paris."))
                .expectNext(ProviderChunk.toolCall(ToolCall.of("toolu_01T1x1fJ34qAmk2tNTrN7Up6", "get_weather",
                        Map.of("location", "Paris, France"))))
                .expectNext(ProviderChunk.toolCall(ToolCall.of("toolu_01LwRZ5Bsn5eUFMT3t1zmxPa", "get_time",
                        Map.of("timezone", "Europe/Paris"))))
                .expectNext(ProviderChunk.finish("tool_calls", TokenUsage.of(472, 118)))
                .verifyComplete();
    }

    @Test
    void reportsCacheReadAndCacheWriteTokensAndMapsMaxTokensToLength() {
        server.enqueue(sse(fixture("cache-usage.sse")));

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.text("The answer is"))
                .expectNext(ProviderChunk.finish("length", new TokenUsage(14, 4, 1800, 248, 0)))
                .verifyComplete();
    }

    @Test
    void leavesThinkingOutOfTheTextButCountsItsTokens() {
        server.enqueue(sse(fixture("thinking.sse")));

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.text("The greatest common divisor of 1071 and 462 is **21**."))
                .expectNext(ProviderChunk.finish("stop", new TokenUsage(43, 187, 0, 0, 162)))
                .verifyComplete();
    }

    @Test
    void mapsSystemImagesDocumentsToolUseToolResultsToolsAndParameters() throws InterruptedException {
        server.enqueue(sse(fixture("text.sse")));
        List<Message> conversation = List.of(
                Message.system("Answer in English."),
                Message.user("What is in these files?", List.of(
                        ContentPart.image(MediaContent.ofUrl("https://example.com/tower.jpg", "image/jpeg")),
                        ContentPart.image(MediaContent.ofBase64("iVBORw0KGgo=", "image/png")),
                        ContentPart.document(MediaContent.ofBase64("JVBERi0xLjQK", "application/pdf")),
                        ContentPart.document(MediaContent.ofUrl("https://example.com/forecast.pdf",
                                "application/pdf")))),
                Message.assistant("Let me check.", List.of(
                        ToolCall.of("toolu_1", "get_weather", Map.of("location", "Paris")),
                        ToolCall.of("toolu_2", "get_weather", Map.of("location", "Lyon")))),
                Message.tool(ToolResult.success("toolu_1", "get_weather", "{\"celsius\":21}", 12)),
                Message.tool(ToolResult.failure("toolu_2", "get_weather", "timeout", 5000)),
                Message.user("And tomorrow?"));
        ProviderRequest request = new ProviderRequest("claude-sonnet-4-5", "You report the weather.", conversation,
                List.of(new ToolDescriptor("get_weather", "Current weather in a city", WEATHER_SCHEMA),
                        new ToolDescriptor("get_time", null, null)),
                ToolChoice.tool("get_weather"), new ModelParameters(0.2, 256, 0.9, 40, 7L, 0.5, -0.5),
                ResponseFormat.JSON_OBJECT, null);

        StepVerifier.create(provider().stream(request)).expectNextCount(HELLO_ANSWER.size()).verifyComplete();

        assertThat(json(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8())).isEqualTo(json("""
                {"model": "claude-sonnet-4-5", "max_tokens": 256,
                 "system": "You report the weather.\\n\\nAnswer in English.\\n\\nAnswer with a single JSON object and\
                 nothing else: no text before or after it, no Markdown code fence.",
                 "messages": [
                   {"role": "user", "content": [
                     {"type": "text", "text": "What is in these files?"},
                     {"type": "image", "source": {"type": "url", "url": "https://example.com/tower.jpg"}},
                     {"type": "image", "source": {"type": "base64", "media_type": "image/png",
                       "data": "iVBORw0KGgo="}},
                     {"type": "document", "source": {"type": "base64", "media_type": "application/pdf",
                       "data": "JVBERi0xLjQK"}},
                     {"type": "document", "source": {"type": "url", "url": "https://example.com/forecast.pdf"}}]},
                   {"role": "assistant", "content": [
                     {"type": "text", "text": "Let me check."},
                     {"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {"location": "Paris"}},
                     {"type": "tool_use", "id": "toolu_2", "name": "get_weather", "input": {"location": "Lyon"}}]},
                   {"role": "user", "content": [
                     {"type": "tool_result", "tool_use_id": "toolu_1", "content": "{\\"celsius\\":21}"},
                     {"type": "tool_result", "tool_use_id": "toolu_2", "content": "timeout", "is_error": true},
                     {"type": "text", "text": "And tomorrow?"}]}],
                 "tools": [
                   {"name": "get_weather", "description": "Current weather in a city", "input_schema": %s},
                   {"name": "get_time", "input_schema": {"type": "object", "properties": {}}}],
                 "tool_choice": {"type": "tool", "name": "get_weather"},
                 "temperature": 0.2, "top_p": 0.9, "top_k": 40, "stream": true}
                """.formatted(WEATHER_SCHEMA)));
    }

    @Test
    void putsToolResultsBeforeTextAndMergesConsecutiveMessagesOfOneRole() throws InterruptedException {
        server.enqueue(sse(fixture("text.sse")));
        List<Message> conversation = List.of(Message.user("Hi"), Message.user("   "), Message.user("Still there?"),
                Message.assistant(null, List.of(ToolCall.of("toolu_1", "ping", Map.of()))),
                Message.user("Never mind."),
                Message.tool(ToolResult.success("toolu_1", "ping", "pong", 1)));

        StepVerifier.create(provider().stream(ProviderRequest.of(null, null, conversation)))
                .expectNextCount(HELLO_ANSWER.size()).verifyComplete();

        assertThat(json(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8()).path("messages")).isEqualTo(json("""
                [{"role": "user", "content": [{"type": "text", "text": "Hi"},
                   {"type": "text", "text": "Still there?"}]},
                 {"role": "assistant", "content": [{"type": "tool_use", "id": "toolu_1", "name": "ping",
                   "input": {}}]},
                 {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_1", "content": "pong"},
                   {"type": "text", "text": "Never mind."}]}]"""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            AUTO     | {"type": "auto"}
            REQUIRED | {"type": "any"}
            NONE     | {"type": "none"}
            """)
    void mapsEachToolChoice(ToolChoice.Mode mode, String expected) throws InterruptedException {
        server.enqueue(sse(fixture("text.sse")));
        ProviderRequest request = new ProviderRequest(null, null, List.of(Message.user("Hi")),
                List.of(new ToolDescriptor("get_weather", "Current weather in a city", WEATHER_SCHEMA)),
                new ToolChoice(mode, null), null, null, null);

        StepVerifier.create(provider().stream(request)).expectNextCount(HELLO_ANSWER.size()).verifyComplete();

        assertThat(json(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8()).path("tool_choice"))
                .isEqualTo(json(expected));
    }

    @Test
    void sendsAStrictSchemaAsStructuredOutputAndTheDefaultMaxTokensWhenNoneIsSet() throws InterruptedException {
        server.enqueue(sse(fixture("text.sse")));
        ProviderRequest request = new ProviderRequest(null, "Be brief.", List.of(Message.user("Weather?")), null,
                null, null, ResponseFormat.jsonSchema("weather", WEATHER_SCHEMA, true), null);

        StepVerifier.create(provider(builder -> builder.defaultMaxTokens(1024)).stream(request))
                .expectNextCount(HELLO_ANSWER.size()).verifyComplete();

        JsonNode body = json(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.path("output_config")).isEqualTo(json("""
                {"format": {"type": "json_schema", "schema": %s}}""".formatted(WEATHER_SCHEMA)));
        assertThat(body.path("system").stringValue()).isEqualTo("Be brief.");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
    }

    @Test
    void asksForANonStrictSchemaInTheSystemPrompt() throws InterruptedException {
        server.enqueue(sse(fixture("text.sse")));
        ProviderRequest request = new ProviderRequest(null, null, List.of(Message.user("Weather?")), null, null,
                null, ResponseFormat.jsonSchema("weather", WEATHER_SCHEMA, false), null);

        StepVerifier.create(provider().stream(request)).expectNextCount(HELLO_ANSWER.size()).verifyComplete();

        JsonNode body = json(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.has("output_config")).isFalse();
        assertThat(body.path("system").stringValue()).isEqualTo("Answer with a single JSON object that conforms to"
                + " this JSON Schema and nothing else: no text before or after it, no Markdown code fence.\n"
                + JsonMapper.shared().writeValueAsString(WEATHER_SCHEMA));
    }

    @Test
    void refusesAudioPartsAndImagesWithoutASource() {
        ProviderRequest audio = ProviderRequest.of(null, null, List.of(Message.user("Listen", List.of(
                new ContentPart(ContentPart.Type.AUDIO, null, MediaContent.ofBase64("UklGRg==", "audio/wav"))))));
        ProviderRequest file = ProviderRequest.of(null, null, List.of(Message.user("Look", List.of(
                ContentPart.image(MediaContent.ofFile("/tmp/tower.jpg", "image/jpeg"))))));

        StepVerifier.create(provider().stream(audio)).verifyErrorMessage("Provider 'anthropic' failed: audio parts"
                + " are not supported by the Messages API; send text, images or documents");
        StepVerifier.create(provider().stream(file)).verifyErrorMessage("Provider 'anthropic' failed: image parts"
                + " need a URL, or base64 data with its MIME type; file paths must be loaded before the provider is"
                + " called");
        assertThat(server.getRequestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 401, 403, 404, 413, 429, 500, 529 })
    void turnsEveryDocumentedErrorIntoAProviderExceptionWithAnthropicsMessage(int status) {
        String body = fixture("errors/" + status + ".json");
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .addHeader("retry-after", "20").body(body).build());
        String anthropicsMessage = json(body).at("/error/message").stringValue();

        StepVerifier.create(provider(builder -> builder.settings(settings().retry(RetryPolicy.DISABLED).build()))
                .stream(HELLO))
                .verifyErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ProviderException.class)
                            .hasMessageStartingWith("Provider 'anthropic' failed (HTTP " + status + "): ")
                            .hasMessageEndingWith(anthropicsMessage)
                            .hasMessageNotContaining(API_KEY);
                    assertThat(((ProviderException) error).statusCode()).isEqualTo(status);
                });
    }

    @ParameterizedTest
    @CsvSource({ "400, false", "401, false", "403, false", "404, false", "413, false", "429, true", "500, true", "529, true" })
    void retriesRateLimitsAndServerErrorsButNotClientErrors(int status, boolean retried) {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(status).body(fixture("errors/" + status + ".json")).build());
        }

        StepVerifier.create(provider().stream(HELLO))
                .verifyErrorSatisfies(error -> assertThat(((ProviderException) error).retryable()).isEqualTo(retried));
        assertThat(server.getRequestCount()).isEqualTo(retried ? 3 : 1);
    }

    @ParameterizedTest
    @ValueSource(ints = { 503, 529 })
    void retriesAnOverloadedUpstreamBeforeTheFirstEvent(int status) throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(status).body(fixture("errors/529.json")).build());
        server.enqueue(sse(fixture("text.sse")));

        StepVerifier.create(provider().stream(HELLO)).expectNextSequence(HELLO_ANSWER).verifyComplete();

        assertThat(listener.heard()).containsExactly("retry 1 after HTTP " + status);
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getBody())
                .isEqualTo(server.takeRequest(1, TimeUnit.SECONDS).getBody());
    }

    @Test
    void retriesAnOverloadedErrorEventThatComesBeforeAnyContent() {
        server.enqueue(sse(fixture("error-before-content.sse")));
        server.enqueue(sse(fixture("text.sse")));

        StepVerifier.create(provider().stream(HELLO)).expectNextSequence(HELLO_ANSWER).verifyComplete();

        assertThat(listener.heard()).containsExactly("retry 1 after HTTP 0");
    }

    @Test
    void neverRetriesAnErrorEventOnceTextWasDelivered() {
        server.enqueue(sse(fixture("error-mid-stream.sse")));
        server.enqueue(sse(fixture("text.sse")));

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.text("Hello"))
                .verifyErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ProviderException.class).hasMessage("Provider 'anthropic' failed:"
                            + " the stream reported an error (overloaded_error): Overloaded");
                    assertThat(((ProviderException) error).retryable()).isTrue();
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(listener.heard()).isEmpty();
    }

    @Test
    void failsWhenTheConnectionIsCutMidStream() {
        String firstFive = firstEvents("text.sse", 5);
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body(firstFive + firstFive).onResponseBody(new SocketEffect.CloseSocket()).build());

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.text("Hello"), ProviderChunk.text("! Crème brûlée 🍮"))
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessageStartingWith("Provider 'anthropic' failed: the connection failed before the"
                                + " response was complete")
                        .hasMessageNotContaining(API_KEY));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void failsAStreamThatEndsWithoutMessageStop() {
        server.enqueue(sse(firstEvents("text.sse", 8)));

        StepVerifier.create(provider().stream(HELLO))
                .expectNextCount(3)
                .verifyErrorMessage("Provider 'anthropic' failed: the stream ended before the response was complete");
    }

    @Test
    void failsOnAMalformedEventWithoutCrashing() {
        server.enqueue(sse(fixture("malformed-event.sse")));

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.text("Hello"))
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessageStartingWith("Provider 'anthropic' failed: received a malformed stream event (not"
                                + " valid JSON): {\"type\":\"content_block_delta\""));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void sendsNoKeyHeaderWithoutAKey() throws InterruptedException {
        server.enqueue(sse(fixture("text.sse")));
        AnthropicProvider keyless = AnthropicProvider.builder().settings(HttpProviderSettings.builder()
                .baseUrl(server.url("/").toString()).build()).build();

        StepVerifier.create(keyless.stream(HELLO)).expectNextCount(HELLO_ANSWER.size()).verifyComplete();

        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getHeaders().get("x-api-key")).isNull();
        assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
    }

    @Test
    void pricesDatedModelIdsAsTheirAliasUnlessOverridden() {
        ModelPricing sonnet = new ModelPricing(3.00, 15.00, 0.30, 3.75);
        assertThat(provider().pricing().find("claude-sonnet-4-5-20250929")).contains(sonnet);
        assertThat(provider().pricing().find("claude-sonnet-4-20250514")).contains(sonnet);
        assertThat(provider().pricing().find("claude-opus-4-1-20250805"))
                .contains(new ModelPricing(15.00, 75.00, 1.50, 18.75));
        assertThat(provider().pricing().find("claude-opus-4-5-20251101"))
                .contains(new ModelPricing(5.00, 25.00, 0.50, 6.25));
        assertThat(provider().pricing().find("claude-haiku-4-5-20251001"))
                .contains(new ModelPricing(1.00, 5.00, 0.10, 1.25));
        assertThat(provider().pricing().find("claude-3-5-haiku-latest"))
                .contains(new ModelPricing(0.80, 4.00, 0.08, 1.00));
        assertThat(provider().pricing().find("claude-3-7-sonnet-20250219")).contains(sonnet);

        AnthropicProvider custom = provider(builder -> builder.pricing(AnthropicPricing.TABLE.with(
                Map.of("claude-sonnet-4-5", ModelPricing.of(1, 2)))));
        assertThat(custom.pricing().find("claude-sonnet-4-5-20250929")).contains(ModelPricing.of(1, 2));
    }

    private AnthropicProvider provider() {
        return provider(UnaryOperator.identity());
    }

    private AnthropicProvider provider(UnaryOperator<AnthropicProvider.Builder> customizer) {
        return customizer.apply(AnthropicProvider.builder().settings(settings().build()).listener(listener)).build();
    }

    private HttpProviderSettings.Builder settings() {
        return HttpProviderSettings.builder().baseUrl(server.url("/").toString()).apiKey(API_KEY)
                .retry(QUICK_RETRIES);
    }

    private static String firstEvents(String fixture, int count) {
        String events = fixture(fixture);
        int end = 0;
        for (int i = 0; i < count; i++) {
            end = events.indexOf("\n\n", end) + 2;
        }
        return events.substring(0, end);
    }

    private static MockResponse sse(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body).build();
    }

    private static String fixture(String name) {
        try (InputStream in = AnthropicProviderTests.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
