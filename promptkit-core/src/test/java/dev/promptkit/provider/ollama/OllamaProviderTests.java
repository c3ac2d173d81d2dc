package dev.promptkit.provider.ollama;

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

class OllamaProviderTests {

    private static final RetryPolicy QUICK_RETRIES = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofMillis(5), 0, 0);
    private static final ProviderRequest HELLO = ProviderRequest.of(null, "Be brief.", List.of(Message.user("Hi")));
    private static final List<ProviderChunk> HELLO_ANSWER = List.of(ProviderChunk.text("Hello"),
            ProviderChunk.text("! Crème brûlée 🍮"), ProviderChunk.text(" or 寿司?"),
            ProviderChunk.finish("stop", TokenUsage.of(26, 10)));

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
    void streamsTextWithUsageFromTheFinalLineAndSendsTheDocumentedRequest() throws InterruptedException {
        server.enqueue(ndjson(fixture("text.ndjson")));

        StepVerifier.create(provider().stream(HELLO)).expectNextSequence(HELLO_ANSWER).verifyComplete();

        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/api/chat");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/x-ndjson");
        assertThat(json(request.getBody().utf8())).isEqualTo(json("""
                {"model": "llama3.2",
                 "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}],
                 "stream": true}"""));
    }

    @Test
    void decodesLinesWhoseBytesArriveSplitAtOddBoundariesAndInsideCharacters() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/x-ndjson")
                .chunkedBody(fixture("text.ndjson"), 7).throttleBody(3, 1, TimeUnit.MILLISECONDS).build());

        StepVerifier.create(provider().stream(HELLO)).expectNextSequence(HELLO_ANSWER).verifyComplete();
    }

    @Test
    void namesToolCallsThatCameWithoutAnId() {
        server.enqueue(ndjson(fixture("tool-calls.ndjson")));

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.toolCall(ToolCall.of("call_0_get_weather", "get_weather",
                        Map.of("city", "Tokyo"))))
                .expectNext(ProviderChunk.toolCall(ToolCall.of("call_1_get_time", "get_time",
                        Map.of("timezone", "Asia/Tokyo"))))
                .expectNext(ProviderChunk.finish("tool_calls", TokenUsage.of(169, 33)))
                .verifyComplete();
    }

    @Test
    void keepsTheIdsCurrentServersGiveToolCalls() {
        server.enqueue(ndjson(fixture("tool-calls-with-ids.ndjson")));

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.text("Let me check."))
                .expectNext(ProviderChunk.toolCall(ToolCall.of("call_k3v9x2qa", "get_weather",
                        Map.of("city", "Tokyo", "unit", "celsius"))))
                .expectNext(ProviderChunk.toolCall(ToolCall.of("call_7hd0e1mz", "get_time", Map.of())))
                .expectNext(ProviderChunk.finish("tool_calls", TokenUsage.of(214, 41)))
                .verifyComplete();
    }

    @Test
    void sendsImagesToolCallsToolResultsToolsFormatAndOptions() throws InterruptedException {
        server.enqueue(ndjson(fixture("text.ndjson")));
        JsonNode weatherSchema = json("""
                {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}""");
        List<Message> conversation = List.of(
                Message.user("What is in this picture?", List.of(
                        ContentPart.image(MediaContent.ofBase64("iVBORw0KGgo=", "image/png")),
                        ContentPart.text("Answer in one word."),
                        ContentPart.image(MediaContent.ofBase64("R0lGODlhAQABAAAAACw=", "image/gif")))),
                Message.assistant(null, List.of(ToolCall.of("call_1", "get_weather", Map.of("city", "Toronto")))),
                Message.tool(ToolResult.success("call_1", "get_weather", "11 degrees celsius", 12)),
                Message.tool(ToolResult.failure("call_2", "get_weather", "timeout", 5000)));
        ProviderRequest request = new ProviderRequest("qwen3:8b", "Be brief.", conversation,
                List.of(new ToolDescriptor("get_weather", "Get the weather in a given city", weatherSchema)),
                ToolChoice.REQUIRED, new ModelParameters(0.2, 256, 0.9, 40, 7L, 0.5, -0.5),
                ResponseFormat.jsonSchema("weather", weatherSchema, true), null);

        StepVerifier.create(provider().stream(request)).expectNextCount(HELLO_ANSWER.size()).verifyComplete();

        assertThat(json(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8())).isEqualTo(json("""
                {"model": "qwen3:8b",
                 "messages": [
                   {"role": "system", "content": "Be brief."},
                   {"role": "user", "content": "What is in this picture?\\nAnswer in one word.",
                    "images": ["iVBORw0KGgo=", "R0lGODlhAQABAAAAACw="]},
                   {"role": "assistant", "content": "",
                    "tool_calls": [{"id": "call_1", "function": {"name": "get_weather",
                      "arguments": {"city": "Toronto"}}}]},
                   {"role": "tool", "content": "11 degrees celsius", "tool_name": "get_weather",
                    "tool_call_id": "call_1"},
                   {"role": "tool", "content": "{\\"error\\":\\"timeout\\"}", "tool_name": "get_weather",
                    "tool_call_id": "call_2"}],
                 "tools": [{"type": "function", "function": {"name": "get_weather",
                   "description": "Get the weather in a given city", "parameters": %s}}],
                 "stream": true,
                 "format": %s,
                 "options": {"temperature": 0.2, "top_p": 0.9, "top_k": 40, "seed": 7, "num_predict": 256,
                   "frequency_penalty": 0.5, "presence_penalty": -0.5}}
                """.formatted(weatherSchema, weatherSchema)));
    }

    @Test
    void asksForJsonModeAndLeavesTheToolsOutWhenNoneMayBeCalled() throws InterruptedException {
        server.enqueue(ndjson(fixture("text.ndjson")));
        ProviderRequest request = new ProviderRequest(null, null, List.of(Message.user("Hi")),
                List.of(new ToolDescriptor("get_time", "The time", null)), ToolChoice.NONE, null,
                ResponseFormat.JSON_OBJECT, null);

        StepVerifier.create(provider().stream(request)).expectNextCount(HELLO_ANSWER.size()).verifyComplete();

        assertThat(json(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8())).isEqualTo(json("""
                {"model": "llama3.2", "messages": [{"role": "user", "content": "Hi"}], "stream": true,
                 "format": "json"}"""));
    }

    @Test
    void refusesImagesGivenByUrlWithoutCallingOllama() {
        ProviderRequest request = ProviderRequest.of(null, null, List.of(Message.user("What is this?",
                List.of(ContentPart.image(MediaContent.ofUrl("https://example.com/tower.jpg", "image/jpeg"))))));

        StepVerifier.create(provider().stream(request))
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessageStartingWith("Provider 'ollama' failed: Ollama needs inline images"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void sendsAConfiguredApiKeyAsBearerToken() throws InterruptedException {
        server.enqueue(ndjson(fixture("text.ndjson")));

        StepVerifier.create(provider(builder -> builder.settings(settings().apiKey("proxy-key-123").build()))
                .stream(HELLO)).expectNextCount(HELLO_ANSWER.size()).verifyComplete();

        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Authorization"))
                .isEqualTo("Bearer proxy-key-123");
    }

    @Test
    void acceptsAnOllamaHostValueWithoutSchemeAsBaseUrl() throws InterruptedException {
        server.enqueue(ndjson(fixture("text.ndjson")));

        StepVerifier.create(provider(builder -> builder.settings(settings()
                .baseUrl(" \"127.0.0.1:" + server.getPort() + "\" ").build())).stream(HELLO))
                .expectNextSequence(HELLO_ANSWER).verifyComplete();

        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/chat");
    }

    @Test
    void failsOnAnErrorLineMidStreamWithoutRetrying() {
        server.enqueue(ndjson(fixture("error-mid-stream.ndjson")));
        server.enqueue(ndjson(fixture("text.ndjson")));

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.text("Hello"))
                .verifyErrorMessage("Provider 'ollama' failed: the stream reported an error: an error was encountered"
                        + " while running the model: unexpected EOF");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(listener.heard()).isEmpty();
    }

    @Test
    void reportsAModelThatIsNotPulled() {
        server.enqueue(error(404));

        StepVerifier.create(provider().stream(HELLO.withModel("llama9")))
                .verifyErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ProviderException.class).hasMessage(
                            "Provider 'ollama' failed (HTTP 404): model \"llama9\" not found, try pulling it first");
                    assertThat(((ProviderException) error).statusCode()).isEqualTo(404);
                    assertThat(((ProviderException) error).retryable()).isFalse();
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 500, 503 })
    void turnsErrorBodiesIntoProviderExceptionsWithOllamasMessage(int status) {
        server.enqueue(error(status));
        String ollamasMessage = json(fixture("errors/" + status + ".json")).path("error").stringValue();

        StepVerifier.create(provider(builder -> builder.settings(settings().retry(RetryPolicy.DISABLED).build()))
                .stream(HELLO))
                .verifyErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ProviderException.class)
                            .hasMessage("Provider 'ollama' failed (HTTP " + status + "): " + ollamasMessage);
                    assertThat(((ProviderException) error).retryable()).isEqualTo(status >= 500);
                });
    }

    @Test
    void retriesA503BeforeTheFirstLine() throws InterruptedException {
        server.enqueue(error(503));
        server.enqueue(ndjson(fixture("text.ndjson")));

        StepVerifier.create(provider().stream(HELLO)).expectNextSequence(HELLO_ANSWER).verifyComplete();

        assertThat(listener.heard()).containsExactly("retry 1 after HTTP 503");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getBody())
                .isEqualTo(server.takeRequest(1, TimeUnit.SECONDS).getBody());
    }

    @Test
    void failsWhenTheConnectionIsCutMidStream() {
        String firstTwo = firstLines("text.ndjson", 2);
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/x-ndjson")
                .body(firstTwo + firstTwo).onResponseBody(new SocketEffect.CloseSocket()).build());

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.text("Hello"), ProviderChunk.text("! Crème brûlée 🍮"))
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessageStartingWith("Provider 'ollama' failed: the connection failed before the response"
                                + " was complete"));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void failsAStreamThatEndsWithoutTheDoneLine() {
        server.enqueue(ndjson(firstLines("text.ndjson", 3)));

        StepVerifier.create(provider().stream(HELLO))
                .expectNextCount(3)
                .verifyErrorMessage("Provider 'ollama' failed: the stream ended before the response was complete");
    }

    @Test
    void failsOnAMalformedLine() {
        server.enqueue(ndjson(fixture("malformed-line.ndjson")));

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.text("Hello"))
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessageStartingWith("Provider 'ollama' failed: received a malformed stream line (not"
                                + " valid JSON): {\"model\":\"llama3.2\""));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void pricesEveryModelAtZeroUnlessTold() {
        assertThat(provider().pricing().find("llama3.2")).contains(OllamaPricing.FREE);
        assertThat(provider().pricing().find("qwen3:8b")).contains(OllamaPricing.FREE);
        ModelPricing billed = ModelPricing.of(1, 2);
        assertThat(provider(builder -> builder.pricing(OllamaPricing.TABLE.with(Map.of("gpt-oss:120b-cloud", billed))))
                .pricing().find("gpt-oss:120b-cloud")).contains(billed);
    }

    private OllamaProvider provider() {
        return provider(UnaryOperator.identity());
    }

    private OllamaProvider provider(UnaryOperator<OllamaProvider.Builder> customizer) {
        return customizer.apply(OllamaProvider.builder().settings(settings().build()).listener(listener)).build();
    }

    private HttpProviderSettings.Builder settings() {
        return HttpProviderSettings.builder().baseUrl(server.url("/").toString()).retry(QUICK_RETRIES);
    }

    private static String firstLines(String fixture, int count) {
        String lines = fixture(fixture);
        int end = 0;
        for (int i = 0; i < count; i++) {
            end = lines.indexOf('\n', end) + 1;
        }
        return lines.substring(0, end);
    }

    private static MockResponse ndjson(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/x-ndjson").body(body).build();
    }

    private static MockResponse error(int status) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json; charset=utf-8")
                .body(fixture("errors/" + status + ".json")).build();
    }

    private static String fixture(String name) {
        try (InputStream in = OllamaProviderTests.class.getResourceAsStream(name)) {
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
