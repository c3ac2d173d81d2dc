package dev.promptkit.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.ModelParameters;
import dev.promptkit.provider.ModelPricing;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.ResponseFormat;
import dev.promptkit.provider.TokenUsage;
import dev.promptkit.provider.ToolChoice;
import dev.promptkit.provider.http.ConcurrencyPolicy;
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
import java.util.concurrent.CountDownLatch;
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
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenAiProviderTests {

    private static final String API_KEY = "sk-test-0123456789abcdef";
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
    void streamsTextDeltasAndSendsTheDocumentedRequest() throws InterruptedException {
        server.enqueue(sse(fixture("text.sse")));

        StepVerifier.create(provider().stream(HELLO)).expectNextSequence(HELLO_ANSWER).verifyComplete();

        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
        assertThat(json(request.getBody().utf8())).isEqualTo(json("""
                {"model": "gpt-4o-mini",
                 "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}],
                 "stream": true, "stream_options": {"include_usage": true}}"""));
    }

    @Test
    void decodesTextWhoseBytesArriveSplitAtOddBoundariesAndInsideCharacters() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .chunkedBody(fixture("text.sse"), 7).throttleBody(3, 1, TimeUnit.MILLISECONDS).build());

        StepVerifier.create(provider().stream(HELLO)).expectNextSequence(HELLO_ANSWER).verifyComplete();
    }

    @Test
    void assemblesParallelToolCallsFromArgumentsSplitAcrossDeltas() {
        server.enqueue(sse(fixture("parallel-tool-calls.sse")));

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.toolCall(ToolCall.of("call_DdmO9pD3xa9XTPNJ32zg2hcA", "get_weather",
                        Map.of("location", "Paris, France"))))
                .expectNext(ProviderChunk.toolCall(ToolCall.of("call_8nHq2bVcXmTzL4rKpW1sYjDe", "get_time",
                        Map.of("timezone", "Europe/Paris"))))
                .expectNext(ProviderChunk.finish("tool_calls", TokenUsage.of(82, 51)))
                .verifyComplete();
    }

    @Test
    void reportsCachedAndReasoningTokens() {
        server.enqueue(sse(fixture("reasoning-usage.sse")));

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.text("The answer is 42."))
                .expectNext(ProviderChunk.finish("stop", new TokenUsage(176, 300, 1024, 0, 256)))
                .verifyComplete();
    }

    @Test
    void mapsImagesToolCallsToolResultsToolsAndParameters() throws InterruptedException {
        server.enqueue(sse(fixture("text.sse")));
        JsonNode weatherSchema = json("""
                {"type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]}""");
        List<Message> conversation = List.of(
                Message.user("What is in these pictures?", List.of(
                        ContentPart.image(MediaContent.ofUrl("https://example.com/tower.jpg", "image/jpeg")
                                .withDetail("low")),
                        ContentPart.image(MediaContent.ofBase64("iVBORw0KGgo=", "image/png")))),
                Message.assistant(null, List.of(ToolCall.of("call_1", "get_weather", Map.of("location", "Paris")))),
                Message.tool(ToolResult.success("call_1", "get_weather", "{\"celsius\":21}", 12)),
                Message.tool(ToolResult.failure("call_2", "get_weather", "timeout", 5000)));
        ProviderRequest request = new ProviderRequest("gpt-4.1", null, conversation,
                List.of(new ToolDescriptor("get_weather", "Current weather in a city", weatherSchema)),
                ToolChoice.tool("get_weather"), new ModelParameters(0.2, 256, 0.9, 40, 7L, 0.5, -0.5),
                ResponseFormat.jsonSchema("weather", weatherSchema, true), null);

        StepVerifier.create(provider().stream(request)).expectNextCount(HELLO_ANSWER.size()).verifyComplete();

        assertThat(json(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8())).isEqualTo(json("""
                {"model": "gpt-4.1",
                 "messages": [
                   {"role": "user", "content": [
                     {"type": "text", "text": "What is in these pictures?"},
                     {"type": "image_url", "image_url": {"url": "https://example.com/tower.jpg", "detail": "low"}},
                     {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}}]},
                   {"role": "assistant", "tool_calls": [{"id": "call_1", "type": "function",
                     "function": {"name": "get_weather", "arguments": "{\\"location\\":\\"Paris\\"}"}}]},
                   {"role": "tool", "tool_call_id": "call_1", "content": "{\\"celsius\\":21}"},
                   {"role": "tool", "tool_call_id": "call_2", "content": "{\\"error\\":\\"timeout\\"}"}],
                 "stream": true, "stream_options": {"include_usage": true},
                 "tools": [{"type": "function", "function": {"name": "get_weather",
                   "description": "Current weather in a city", "parameters": %s}}],
                 "tool_choice": {"type": "function", "function": {"name": "get_weather"}},
                 "max_completion_tokens": 256, "temperature": 0.2, "top_p": 0.9, "seed": 7,
                 "frequency_penalty": 0.5, "presence_penalty": -0.5,
                 "response_format": {"type": "json_schema",
                   "json_schema": {"name": "weather", "schema": %s, "strict": true}}}
                """.formatted(weatherSchema, weatherSchema)));
    }

    @Test
    void sendsMaxTokensAndJsonObjectModeWhenAskedTo() throws InterruptedException {
        server.enqueue(sse(fixture("text.sse")));
        ProviderRequest request = new ProviderRequest(null, null, List.of(Message.user("Hi")), null, null,
                new ModelParameters(null, 100, null, null, null, null, null), ResponseFormat.JSON_OBJECT, null);

        StepVerifier.create(provider(builder -> builder.legacyMaxTokens(true)).stream(request))
                .expectNextCount(HELLO_ANSWER.size()).verifyComplete();

        JsonNode body = json(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.path("max_tokens").asInt()).isEqualTo(100);
        assertThat(body.has("max_completion_tokens")).isFalse();
        assertThat(body.path("response_format")).isEqualTo(json("{\"type\": \"json_object\"}"));
    }

    @Test
    void speaksAzureOpenAiWithAnApiKeyHeaderAndApiVersion() throws InterruptedException {
        server.enqueue(sse(fixture("text.sse")));
        OpenAiProvider azure = OpenAiProvider.builder().name("azure").azure("2024-10-21")
                .settings(HttpProviderSettings.builder().apiKey(API_KEY)
                        .baseUrl(server.url("/openai/deployments/my-gpt-4o").toString()).build())
                .build();

        StepVerifier.create(azure.stream(HELLO)).expectNextCount(HELLO_ANSWER.size()).verifyComplete();

        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getTarget())
                .isEqualTo("/openai/deployments/my-gpt-4o/chat/completions?api-version=2024-10-21");
        assertThat(request.getHeaders().get("api-key")).isEqualTo(API_KEY);
        assertThat(request.getHeaders().get("Authorization")).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 401, 403, 404, 429, 500, 503 })
    void turnsEveryDocumentedErrorIntoAProviderExceptionWithTheProvidersMessage(int status) {
        String body = fixture("errors/" + status + ".json");
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .addHeader("Retry-After", status == 429 ? "20" : "0").body(body).build());
        String providersMessage = json(body).at("/error/message").stringValue();

        StepVerifier.create(provider(builder -> builder.settings(settings().retry(RetryPolicy.DISABLED).build()))
                .stream(HELLO))
                .verifyErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ProviderException.class)
                            .hasMessageStartingWith("Provider 'openai' failed (HTTP " + status + "): ")
                            .hasMessageEndingWith(providersMessage)
                            .hasMessageNotContaining(API_KEY);
                    assertThat(((ProviderException) error).statusCode()).isEqualTo(status);
                    assertThat(((ProviderException) error).retryable()).isEqualTo(status == 429 || status >= 500);
                });
    }

    @Test
    void saysWhatIsWrongWithTheKeyOn401And403() {
        server.enqueue(new MockResponse.Builder().code(401).body(fixture("errors/401.json")).build());
        server.enqueue(new MockResponse.Builder().code(403).body(fixture("errors/403.json")).build());

        StepVerifier.create(provider().stream(HELLO))
                .verifyErrorSatisfies(error -> assertThat(error)
                        .hasMessageContaining("the API key is invalid or revoked"));
        StepVerifier.create(provider().stream(HELLO))
                .verifyErrorSatisfies(error -> assertThat(error)
                        .hasMessageContaining("the API key is not permitted to make this request"));
    }

    @Test
    void retriesA503BeforeTheFirstChunk() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(503).body(fixture("errors/503.json")).build());
        server.enqueue(sse(fixture("text.sse")));

        StepVerifier.create(provider().stream(HELLO)).expectNextSequence(HELLO_ANSWER).verifyComplete();

        assertThat(listener.heard()).containsExactly("retry 1 after HTTP 503");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getBody())
                .isEqualTo(server.takeRequest(1, TimeUnit.SECONDS).getBody());
    }

    @Test
    void neverRetriesAServerErrorOnceChunksWereDelivered() {
        server.enqueue(sse(fixture("error-mid-stream.sse")));
        server.enqueue(sse(fixture("text.sse")));

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.text("Hello"))
                .verifyErrorMessage("Provider 'openai' failed: the stream reported an error (server_error): The server"
                        + " had an error while processing your request. Sorry about that!");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(listener.heard()).isEmpty();
    }

    @Test
    void failsWhenTheConnectionIsCutMidStream() {
        String firstThree = firstEvents("text.sse", 3);
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body(firstThree + firstThree).onResponseBody(new SocketEffect.CloseSocket()).build());

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.text("Hello"), ProviderChunk.text("! Crème brûlée 🍮"))
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessageStartingWith("Provider 'openai' failed: the connection failed before the response"
                                + " was complete")
                        .hasMessageNotContaining(API_KEY));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void failsAStreamThatEndsWithoutFinishing() {
        server.enqueue(sse(firstEvents("text.sse", 3)));

        StepVerifier.create(provider().stream(HELLO))
                .expectNextCount(2)
                .verifyErrorMessage("Provider 'openai' failed: the stream ended before the response was complete");
    }

    @Test
    void failsAStalledStreamAfterTheIdleTimeout() {
        server.enqueue(stalledAfterHello());

        StepVerifier.create(provider(builder -> builder.settings(settings().idleTimeout(Duration.ofMillis(300))
                .build())).stream(HELLO))
                .expectNext(ProviderChunk.text("Hello"))
                .verifyErrorMessage("Provider 'openai' failed: the upstream sent nothing for 300 ms (idle timeout)");
    }

    @Test
    void failsOnAMalformedEventWithoutCrashing() {
        server.enqueue(sse(fixture("malformed-event.sse")));

        StepVerifier.create(provider().stream(HELLO))
                .expectNext(ProviderChunk.text("Hello"))
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessageStartingWith("Provider 'openai' failed: received a malformed stream event (not"
                                + " valid JSON): {\"id\":\"chatcmpl-123\""));
    }

    @Test
    void rejectsACallWhenTheInFlightLimitIsReached() throws InterruptedException {
        server.enqueue(stalledAfterHello());
        OpenAiProvider limited = provider(builder -> builder.settings(settings()
                .concurrency(ConcurrencyPolicy.limit(1, 0, Duration.ZERO)).build()));
        CountDownLatch hello = new CountDownLatch(1);
        Disposable running = limited.stream(HELLO).subscribe(chunk -> hello.countDown());
        assertThat(hello.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(limited.inFlight()).isOne();

        StepVerifier.create(limited.stream(HELLO))
                .verifyErrorMessage("Provider 'openai' failed: concurrency limit of 1 calls in flight reached: no slot"
                        + " is free and waiting is disabled");
        assertThat(listener.heard()).containsExactly("rejected QUEUE_FULL");

        running.dispose();
        assertThat(limited.inFlight()).isZero();
    }

    @Test
    void pricesModelsFromTheDatedTableUnlessOverridden() {
        assertThat(provider().pricing().find("gpt-4o-2024-08-06")).contains(new ModelPricing(2.50, 10.00, 1.25, 2.50));
        assertThat(provider().pricing().find("o4-mini")).contains(new ModelPricing(1.10, 4.40, 0.275, 1.10));

        OpenAiProvider custom = provider(builder -> builder.pricing(OpenAiPricing.TABLE.with(
                Map.of("gpt-4o", ModelPricing.of(1, 2)))));
        assertThat(custom.pricing().find("gpt-4o")).contains(ModelPricing.of(1, 2));
    }

    private OpenAiProvider provider() {
        return provider(UnaryOperator.identity());
    }

    private OpenAiProvider provider(UnaryOperator<OpenAiProvider.Builder> customizer) {
        return customizer.apply(OpenAiProvider.builder().settings(settings().build()).listener(listener)).build();
    }

    private HttpProviderSettings.Builder settings() {
        return HttpProviderSettings.builder().baseUrl(server.url("/v1").toString()).apiKey(API_KEY)
                .retry(QUICK_RETRIES);
    }

    /** Sends the first two events (the second says "Hello"), then nothing: it stalls halfway through the body. */
    private MockResponse stalledAfterHello() {
        String hello = firstEvents("text.sse", 2);
        return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body(hello + hello).onResponseBody(SocketEffect.Stall.INSTANCE).build();
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
        try (InputStream in = OpenAiProviderTests.class.getResourceAsStream(name)) {
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
