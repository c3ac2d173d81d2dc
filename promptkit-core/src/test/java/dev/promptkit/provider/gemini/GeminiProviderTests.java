package dev.promptkit.provider.gemini;

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
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GeminiProviderTests {

    /** The key the 403 fixture's message quotes, as Google's suspended-consumer error does. */
    private static final String API_KEY = "AIzaSyTest-0123456789abcdefGHIJKLMNOPQR";
    private static final String EVENT_END = "\r\n\r\n";
    private static final RetryPolicy QUICK_RETRIES = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofMillis(5), 0, 0);
    private static final ProviderRequest HELLO = ProviderRequest.of(null, "Be brief.", List.of(Message.user("Hi")));
    private static final List<ProviderChunk> HELLO_ANSWER = List.of(ProviderChunk.text("Hello"),
            ProviderChunk.text("! Crème brûlée 🍮"), ProviderChunk.text(" or 寿司?"),
            ProviderChunk.finish("stop", TokenUsage.of(19, 10)));

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
    void streamsTextAndSendsTheKeyOnlyInTheHeader() throws InterruptedException {
        server.enqueue(sse(fixture("text.sse")));

        StepVerifier.create(provider().stream(HELLO)).expectNextSequence(HELLO_ANSWER).verifyComplete();

        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v1beta/models/gemini-3.6-flash:streamGenerateContent?alt=sse")
                .doesNotContain(API_KEY).doesNotContain("key=");
        assertThat(request.getHeaders().get("x-goog-api-key")).isEqualTo(API_KEY);
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
        assertThat(json(request.getBody().utf8())).isEqualTo(json("""
                {"contents": [{"role": "user", "parts": [{"text": "Hi"}]}],
                 "systemInstruction": {"parts": [{"text": "Be brief."}]}}"""));
    }

    @Test
    void decodesTextWhoseBytesArriveSplitAtOddBoundariesAndInsideCharacters() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .chunkedBody(fixture("text.sse"), 7).throttleBody(3, 1, TimeUnit.MILLISECONDS).build());

        StepVerifier.create(provider().stream(HELLO)).expectNextSequence(HELLO_ANSWER).verifyComplete();
    }

    @Test
    void emitsParallelFunctionCallsUnderGeneratedIdsAndFinishesWithToolCalls() {
        server.enqueue(sse(fixture("parallel-function-calls.sse")));

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.toolCall(new ToolCall("call_0_get_weather", "get_weather",
                        json("{\"location\": \"Paris, France\"}"),
                        Map.of("thoughtSignature", "CiQB0e2Kb6XcqdgmJQ3cJ4yQZ8AdW1rEdQ7W8l2o5k0pPq3uQ3kKYgHR7Yp1"))))
                .expectNext(ProviderChunk.toolCall(ToolCall.of("call_1_get_time", "get_time",
                        Map.of("timezone", "Europe/Paris"))))
                .expectNext(ProviderChunk.finish("tool_calls", TokenUsage.of(82, 51)))
                .verifyComplete();
    }

    @Test
    void keepsTheIdAndThoughtSignatureGeminiGaveAFunctionCall() {
        server.enqueue(sse(fixture("function-call-with-id.sse")));

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.toolCall(new ToolCall("fc_8b1d0e2a", "get_weather",
                        json("{\"location\": \"Paris, France\"}"),
                        Map.of("thoughtSignature", "EpQCCpECAdHtim9Ryq3m8cX0b1Q7vS2fKpJm4wVhX0dQYz9ZpT1uB2aN"))))
                .expectNext(ProviderChunk.finish("tool_calls", new TokenUsage(64, 92, 0, 0, 74)))
                .verifyComplete();
    }

    @Test
    void skipsThoughtsAndReportsCachedAndThinkingTokensFromTheLastEvent() {
        server.enqueue(sse(fixture("thinking-usage.sse")));

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.text("The answer is 42."))
                .expectNext(ProviderChunk.finish("stop", new TokenUsage(176, 300, 1024, 0, 256)))
                .verifyComplete();
    }

    @Test
    void mapsMediaFunctionCallsResultsToolsChoiceAndGenerationConfig() throws InterruptedException {
        server.enqueue(sse(fixture("text.sse")));
        JsonNode weatherSchema = json("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                 "properties": {"location": {"type": "string", "description": "City and country"},
                                "unit": {"type": ["string", "null"], "enum": ["celsius", "fahrenheit"]}},
                 "required": ["location"], "additionalProperties": false}""");
        List<Message> conversation = List.of(
                Message.system("Answer in French."),
                Message.user("What is in these files?", List.of(
                        ContentPart.image(MediaContent.ofBase64("iVBORw0KGgo=", "image/png")),
                        ContentPart.document(MediaContent.ofUrl(
                                "https://generativelanguage.googleapis.com/v1beta/files/abc-123", "application/pdf")))),
                Message.assistant("Let me check.", List.of(
                        ToolCall.of("call_0_get_weather", "get_weather", Map.of("location", "Paris")),
                        ToolCall.of("call_1_get_time", "get_time", Map.of()),
                        ToolCall.of("call_2_get_weather", "get_weather", Map.of("location", "Lyon")))),
                Message.tool(ToolResult.success("call_0_get_weather", "get_weather", "{\"celsius\":21}", 12)),
                Message.tool(ToolResult.success("call_1_get_time", null, "14:05", 3)),
                Message.tool(ToolResult.failure("call_2_get_weather", "get_weather", "timeout", 5000)),
                Message.user("And tomorrow?"));
        ProviderRequest request = new ProviderRequest("gemini-2.5-pro", "Be brief.", conversation,
                List.of(new ToolDescriptor("get_weather", "Current weather in a city", weatherSchema),
                        new ToolDescriptor("get_time", "The time now",
                                json("{\"type\": \"object\", \"properties\": {}}"))),
                ToolChoice.tool("get_weather"), new ModelParameters(0.2, 256, 0.9, 40, 7L, 0.5, -0.5),
                ResponseFormat.jsonSchema("weather", weatherSchema, true), null);

        StepVerifier.create(provider().stream(request)).expectNextCount(HELLO_ANSWER.size()).verifyComplete();

        RecordedRequest recorded = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(recorded.getTarget()).isEqualTo("/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse");
        String geminiSchema = """
                {"type": "OBJECT",
                 "properties": {"location": {"type": "STRING", "description": "City and country"},
                                "unit": {"type": "STRING", "nullable": true, "enum": ["celsius", "fahrenheit"]}},
                 "required": ["location"]}""";
        assertThat(json(recorded.getBody().utf8())).isEqualTo(json("""
                {"contents": [
                   {"role": "user", "parts": [
                     {"text": "What is in these files?"},
                     {"inlineData": {"mimeType": "image/png", "data": "iVBORw0KGgo="}},
                     {"fileData": {"mimeType": "application/pdf",
                       "fileUri": "https://generativelanguage.googleapis.com/v1beta/files/abc-123"}}]},
                   {"role": "model", "parts": [
                     {"text": "Let me check."},
                     {"functionCall": {"name": "get_weather", "args": {"location": "Paris"}}},
                     {"functionCall": {"name": "get_time", "args": {}}},
                     {"functionCall": {"name": "get_weather", "args": {"location": "Lyon"}}}]},
                   {"role": "user", "parts": [
                     {"functionResponse": {"name": "get_weather", "response": {"celsius": 21}}},
                     {"functionResponse": {"name": "get_time", "response": {"output": "14:05"}}},
                     {"functionResponse": {"name": "get_weather", "response": {"error": "timeout"}}},
                     {"text": "And tomorrow?"}]}],
                 "systemInstruction": {"parts": [{"text": "Be brief."}, {"text": "Answer in French."}]},
                 "tools": [{"functionDeclarations": [
                   {"name": "get_weather", "description": "Current weather in a city", "parameters": %s},
                   {"name": "get_time", "description": "The time now"}]}],
                 "toolConfig": {"functionCallingConfig": {"mode": "ANY", "allowedFunctionNames": ["get_weather"]}},
                 "generationConfig": {"temperature": 0.2, "topP": 0.9, "topK": 40, "maxOutputTokens": 256, "seed": 7,
                   "presencePenalty": -0.5, "frequencyPenalty": 0.5,
                   "responseMimeType": "application/json", "responseSchema": %s}}
                """.formatted(geminiSchema, geminiSchema)));
    }

    @Test
    void replaysGeminiCallIdsAndSignsCallsForGemini3() throws InterruptedException {
        server.enqueue(sse(fixture("text.sse")));
        List<Message> conversation = List.of(Message.user("Weather in Paris?"),
                Message.assistant(null,
                        List.of(ToolCall.of("fc_8b1d0e2a", "get_weather", Map.of("location", "Paris")))),
                Message.tool(ToolResult.success("fc_8b1d0e2a", "get_weather", "{\"celsius\":21}", 12)));
        ProviderRequest request = new ProviderRequest(null, null, conversation,
                List.of(new ToolDescriptor("get_weather", null, null)), ToolChoice.REQUIRED, null,
                ResponseFormat.JSON_OBJECT, null);

        StepVerifier.create(provider().stream(request)).expectNextCount(HELLO_ANSWER.size()).verifyComplete();

        assertThat(json(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8())).isEqualTo(json("""
                {"contents": [
                   {"role": "user", "parts": [{"text": "Weather in Paris?"}]},
                   {"role": "model", "parts": [
                     {"functionCall": {"id": "fc_8b1d0e2a", "name": "get_weather", "args": {"location": "Paris"}},
                      "thoughtSignature": "skip_thought_signature_validator"}]},
                   {"role": "user", "parts": [
                     {"functionResponse": {"id": "fc_8b1d0e2a", "name": "get_weather", "response": {"celsius": 21}}}]}],
                 "tools": [{"functionDeclarations": [{"name": "get_weather"}]}],
                 "toolConfig": {"functionCallingConfig": {"mode": "ANY"}},
                 "generationConfig": {"responseMimeType": "application/json"}}"""));
    }

    @Test
    void replaysTheThoughtSignaturesGeminiGaveAndThePlaceholderOnlyForAStepWithoutAny() throws InterruptedException {
        server.enqueue(sse(fixture("text.sse")));
        List<Message> conversation = List.of(Message.user("Weather and time in Paris?"),
                Message.assistant(null, List.of(
                        new ToolCall("call_0_get_weather", "get_weather", json("{\"location\": \"Paris\"}"),
                                Map.of("thoughtSignature", "CiQB0e2Kb6Xc")),
                        ToolCall.of("call_1_get_time", "get_time", Map.of()))),
                Message.tool(ToolResult.success("call_0_get_weather", "get_weather", "{\"celsius\":21}", 12)),
                Message.tool(ToolResult.success("call_1_get_time", "get_time", "14:05", 3)),
                Message.assistant(null, List.of(ToolCall.of("call_0_get_date", "get_date", Map.of()))),
                Message.tool(ToolResult.success("call_0_get_date", "get_date", "2026-05-04", 2)));

        StepVerifier.create(provider().stream(ProviderRequest.of(null, null, conversation)))
                .expectNextCount(HELLO_ANSWER.size()).verifyComplete();

        assertThat(json(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8()).path("contents")).isEqualTo(json("""
                [{"role": "user", "parts": [{"text": "Weather and time in Paris?"}]},
                 {"role": "model", "parts": [
                   {"functionCall": {"name": "get_weather", "args": {"location": "Paris"}},
                    "thoughtSignature": "CiQB0e2Kb6Xc"},
                   {"functionCall": {"name": "get_time", "args": {}}}]},
                 {"role": "user", "parts": [
                   {"functionResponse": {"name": "get_weather", "response": {"celsius": 21}}},
                   {"functionResponse": {"name": "get_time", "response": {"output": "14:05"}}}]},
                 {"role": "model", "parts": [
                   {"functionCall": {"name": "get_date", "args": {}},
                    "thoughtSignature": "skip_thought_signature_validator"}]},
                 {"role": "user", "parts": [
                   {"functionResponse": {"name": "get_date", "response": {"output": "2026-05-04"}}}]}]"""));
    }

    @Test
    void replaysAKnownThoughtSignatureToGemini2Too() throws InterruptedException {
        server.enqueue(sse(fixture("text.sse")));
        List<Message> conversation = List.of(Message.user("Weather in Paris?"),
                Message.assistant(null, List.of(new ToolCall("fc_1", "get_weather", json("{}"),
                        Map.of("thoughtSignature", "CiQB0e2Kb6Xc")))),
                Message.assistant(null, List.of(ToolCall.of("fc_2", "get_weather", Map.of()))));

        StepVerifier.create(provider().stream(ProviderRequest.of("gemini-2.5-flash", null, conversation)))
                .expectNextCount(HELLO_ANSWER.size()).verifyComplete();

        assertThat(json(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8()).at("/contents/1/parts"))
                .isEqualTo(json("""
                        [{"functionCall": {"id": "fc_1", "name": "get_weather", "args": {}},
                          "thoughtSignature": "CiQB0e2Kb6Xc"},
                         {"functionCall": {"id": "fc_2", "name": "get_weather", "args": {}}}]"""));
    }

    @Test
    void namesAFullResourceAsItIs() throws InterruptedException {
        server.enqueue(sse(fixture("text.sse")));

        StepVerifier.create(provider().stream(HELLO.withModel("tunedModels/weather-bot-7")))
                .expectNextCount(HELLO_ANSWER.size()).verifyComplete();

        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getTarget())
                .isEqualTo("/v1beta/tunedModels/weather-bot-7:streamGenerateContent?alt=sse");
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 403, 404, 429, 500, 503 })
    void turnsEveryDocumentedErrorIntoAProviderExceptionWithGeminisMessage(int status) throws InterruptedException {
        String body = fixture("errors/" + status + ".json");
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(body).build());
        JsonNode error = json(body).path("error");
        String geminisMessage = error.path("status").stringValue() + ": "
                + error.path("message").stringValue().replace(API_KEY, "[redacted]");

        StepVerifier.create(provider(builder -> builder.settings(settings().retry(RetryPolicy.DISABLED).build()))
                .stream(HELLO))
                .verifyErrorSatisfies(failure -> {
                    assertThat(failure).isInstanceOf(ProviderException.class)
                            .hasMessageStartingWith("Provider 'gemini' failed (HTTP " + status + "): ")
                            .hasMessageEndingWith(geminisMessage)
                            .hasMessageNotContaining(API_KEY);
                    assertThat(((ProviderException) failure).statusCode()).isEqualTo(status);
                    assertThat(((ProviderException) failure).retryable()).isEqualTo(status == 429 || status >= 500);
                });
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getTarget()).doesNotContain(API_KEY);
    }

    @Test
    void retriesA503BeforeTheFirstEvent() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(503).body(fixture("errors/503.json")).build());
        server.enqueue(sse(fixture("text.sse")));

        StepVerifier.create(provider().stream(HELLO)).expectNextSequence(HELLO_ANSWER).verifyComplete();

        assertThat(listener.heard()).containsExactly("retry 1 after HTTP 503");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getBody())
                .isEqualTo(server.takeRequest(1, TimeUnit.SECONDS).getBody());
    }

    @Test
    void waitsTheRetryDelayA429BodyAsksForUpToTheCap() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
                .body(fixture("errors/429.json")).build());
        server.enqueue(sse(fixture("text.sse")));
        RetryPolicy capAt50Ms = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(50),
                0, 0);

        StepVerifier.create(provider(builder -> builder.settings(settings().retry(capAt50Ms).build())).stream(HELLO))
                .expectNextSequence(HELLO_ANSWER).verifyComplete();

        assertThat(listener.heard()).containsExactly("retry 1 after HTTP 429");
        assertThat(listener.delays()).containsExactly(Duration.ofMillis(50));
    }

    @Test
    void failsOnAnErrorWrittenAsBareJsonOutsideTheEvents() {
        server.enqueue(sse(fixture("error-unframed.sse")));
        server.enqueue(sse(fixture("text.sse")));

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.text("Hello"))
                .verifyErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ProviderException.class).hasMessage("Provider 'gemini' failed:"
                            + " the stream reported an error: UNAVAILABLE: The model is overloaded. Please try again"
                            + " later.");
                    assertThat(((ProviderException) error).retryable()).isTrue();
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void failsWhenTheConnectionIsCutMidStream() {
        String firstTwo = firstEvents("text.sse", 2);
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body(firstTwo + firstTwo).onResponseBody(new SocketEffect.CloseSocket()).build());

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.text("Hello"), ProviderChunk.text("! Crème brûlée 🍮"))
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessageStartingWith("Provider 'gemini' failed: the connection failed before the response"
                                + " was complete")
                        .hasMessageNotContaining(API_KEY));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void failsAStreamThatEndsBeforeAFinishReason() {
        server.enqueue(sse(firstEvents("text.sse", 2)));

        StepVerifier.create(provider().stream(HELLO))
                .expectNextCount(2)
                .verifyErrorMessage("Provider 'gemini' failed: the stream ended before the response was complete");
    }

    @Test
    void failsOnAMalformedEventWithoutCrashing() {
        server.enqueue(sse(fixture("malformed-event.sse")));

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.text("Hello"))
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessage("Provider 'gemini' failed: received a malformed stream event (not valid JSON): "
                                + "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \" wor"));
    }

    @Test
    void failsOnAnErrorEventWithoutRetryingOnceTextWasDelivered() {
        server.enqueue(sse(fixture("error-mid-stream.sse")));
        server.enqueue(sse(fixture("text.sse")));

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.text("Hello"))
                .verifyErrorSatisfies(error -> assertThat(error)
                        .hasMessage("Provider 'gemini' failed: the stream reported an error: INTERNAL: An internal"
                                + " error has occurred. Please retry or report in"
                                + " https://developers.generativeai.google/guide/troubleshooting"));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(listener.heard()).isEmpty();
    }

    @Test
    void failsOnABlockedPromptNamingTheReason() {
        server.enqueue(sse(fixture("blocked-prompt.sse")));

        StepVerifier.create(provider().stream(HELLO))
                .verifyErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ProviderException.class)
                            .hasMessage("Provider 'gemini' failed: Gemini blocked the prompt: SAFETY");
                    assertThat(((ProviderException) error).retryable()).isFalse();
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void pricesModelsFromTheDatedTableUnlessOverridden() {
        assertThat(provider().pricing().find("gemini-2.5-pro")).contains(new ModelPricing(1.25, 10.00, 0.125, 1.25));
        assertThat(provider().pricing().find("gemini-2.5-flash-lite-preview-06-17"))
                .contains(new ModelPricing(0.10, 0.40, 0.01, 0.10));
        assertThat(provider().pricing().find("models/gemini-2.5-flash"))
                .contains(new ModelPricing(0.30, 2.50, 0.03, 0.30));

        GeminiProvider custom = provider(builder -> builder.pricing(GeminiPricing.TABLE.with(
                Map.of("gemini-2.5-pro", ModelPricing.of(2.50, 15.00)))));
        assertThat(custom.pricing().find("gemini-2.5-pro")).contains(ModelPricing.of(2.50, 15.00));
    }

    private GeminiProvider provider() {
        return provider(UnaryOperator.identity());
    }

    private GeminiProvider provider(UnaryOperator<GeminiProvider.Builder> customizer) {
        return customizer.apply(GeminiProvider.builder().settings(settings().build()).listener(listener)).build();
    }

    private HttpProviderSettings.Builder settings() {
        return HttpProviderSettings.builder().baseUrl(server.url("/v1beta").toString()).apiKey(API_KEY)
                .retry(QUICK_RETRIES);
    }

    private static String firstEvents(String fixture, int count) {
        String events = fixture(fixture);
        int end = 0;
        for (int i = 0; i < count; i++) {
            end = events.indexOf(EVENT_END, end) + EVENT_END.length();
        }
        return events.substring(0, end);
    }

    private static MockResponse sse(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body).build();
    }

    private static String fixture(String name) {
        try (InputStream in = GeminiProviderTests.class.getResourceAsStream(name)) {
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
