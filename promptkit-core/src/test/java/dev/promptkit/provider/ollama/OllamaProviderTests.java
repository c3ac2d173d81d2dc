/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.ollama;

import static dev.promptkit.provider.http.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.ModelPricing;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.FakeUpstream;
import dev.promptkit.provider.http.HttpProviderContract;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.MediaContent;
import dev.promptkit.types.Message;
import dev.promptkit.types.ModelParameters;
import dev.promptkit.types.ResponseFormat;
import dev.promptkit.types.TokenUsage;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolChoice;
import dev.promptkit.types.ToolDescriptor;
import dev.promptkit.types.ToolResult;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

class OllamaProviderTests extends HttpProviderContract<OllamaProvider, OllamaProvider.Builder> {

    OllamaProviderTests() {
        super(OllamaProvider::builder, FakeUpstream.Framing.NDJSON, "/", null);
    }

    /** The usage of the final line. */
    @Override
    protected TokenUsage helloUsage() {
        return TokenUsage.of(26, 10);
    }

    @Override
    protected void assertDocumentedRequest(RecordedRequest request) {
        assertThat(request.getTarget()).isEqualTo("/api/chat");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(json(request.getBody().utf8())).isEqualTo(json("""
                {"model": "llama3.2",
                 "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}],
                 "stream": true}"""));
    }

    @Override
    protected String providersMessage(JsonNode errorBody) {
        return errorBody.path("error").stringValue();
    }

    @Test
    void namesToolCallsThatCameWithoutAnId() {
        assertThat(answer(upstream.streamFixture("tool-calls.ndjson"))).containsExactly(
                ProviderChunk.toolCall(ToolCall.of("call_0_get_weather", "get_weather", Map.of("city", "Tokyo"))),
                ProviderChunk.toolCall(ToolCall.of("call_1_get_time", "get_time", Map.of("timezone", "Asia/Tokyo"))),
                ProviderChunk.finish("tool_calls", TokenUsage.of(169, 33)));
    }

    @Test
    void keepsTheIdsCurrentServersGiveToolCalls() {
        assertThat(answer(upstream.streamFixture("tool-calls-with-ids.ndjson"))).containsExactly(
                ProviderChunk.text("Let me check."),
                ProviderChunk.toolCall(ToolCall.of("call_k3v9x2qa", "get_weather",
                        Map.of("city", "Tokyo", "unit", "celsius"))),
                ProviderChunk.toolCall(ToolCall.of("call_7hd0e1mz", "get_time", Map.of())),
                ProviderChunk.finish("tool_calls", TokenUsage.of(214, 41)));
    }

    @Test
    void sendsImagesToolCallsToolResultsToolsFormatAndOptions() throws InterruptedException {
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

        assertThat(sentBody(request)).isEqualTo(json("""
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
        ProviderRequest request = new ProviderRequest(null, null, List.of(Message.user("Hi")),
                List.of(new ToolDescriptor("get_time", "The time", null)), ToolChoice.NONE, null,
                ResponseFormat.JSON_OBJECT, null);

        assertThat(sentBody(request)).isEqualTo(json("""
                {"model": "llama3.2", "messages": [{"role": "user", "content": "Hi"}], "stream": true,
                 "format": "json"}"""));
    }

    @Test
    void refusesAudioVideoDocumentsAndImagesByUrlNamingModelPartAndMimeTypeWithoutCallingOllama() {
        String model = "llava:13b";
        String imagesOnly = "Ollama takes images only (no audio, video or documents); send images or text";
        assertRefused(model, ContentPart.audio(MediaContent.ofBase64("UklGRg==", "audio/wav")), "audio, audio/wav): "
                + imagesOnly);
        assertRefused(model, ContentPart.video(MediaContent.ofBase64("AAAAGGZ0eXA=", "video/mp4")), "video,"
                + " video/mp4): " + imagesOnly);
        assertRefused(model, ContentPart.document(MediaContent.ofBase64("JVBERi0xLjQK", "application/pdf")),
                "document, application/pdf): " + imagesOnly);
        assertRefused(model, ContentPart.image(MediaContent.ofUrl("https://example.com/tower.jpg", "image/jpeg")),
                "image, image/jpeg): Ollama takes images as base64 data only, not as a URL or a file id; download the"
                        + " image and pass its bytes instead");
    }

    @Test
    void sendsAConfiguredApiKeyAsBearerToken() throws InterruptedException {
        OllamaProvider keyed = provider(builder -> builder.settings(settings().apiKey("proxy-key-123").build()));

        assertThat(sent(keyed, HELLO).getHeaders().get("Authorization")).isEqualTo("Bearer proxy-key-123");
    }

    @Test
    void acceptsAnOllamaHostValueWithoutSchemeAsBaseUrl() throws InterruptedException {
        upstream.enqueue(upstream.streamFixture("text.ndjson"));

        StepVerifier.create(provider(builder -> builder.settings(settings()
                .baseUrl(" \"127.0.0.1:" + upstream.port() + "\" ").build())).stream(HELLO))
                .expectNextSequence(helloAnswer()).verifyComplete();

        assertThat(upstream.takeRequest().getTarget()).isEqualTo("/api/chat");
    }

    @Test
    void failsOnAnErrorLineMidStreamWithoutRetrying() {
        assertThat(failureAfterHello(upstream.streamFixture("error-mid-stream.ndjson")))
                .hasMessage("Provider 'ollama' failed: the stream reported an error: an error was encountered while"
                        + " running the model: unexpected EOF");
    }

    @Test
    void reportsAModelThatIsNotPulled() {
        upstream.enqueue(upstream.error(404));

        StepVerifier.create(provider().stream(HELLO.withModel("llama9")))
                .verifyErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ProviderException.class).hasMessage(
                            "Provider 'ollama' failed (HTTP 404): model \"llama9\" not found, try pulling it first");
                    assertThat(((ProviderException) error).statusCode()).isEqualTo(404);
                    assertThat(((ProviderException) error).retryable()).isFalse();
                });
        assertThat(upstream.requestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 500, 503 })
    void turnsErrorBodiesIntoProviderExceptionsWithOllamasMessage(int status) throws InterruptedException {
        assertReportsDocumentedError(status);
    }

    @Test
    void retriesA503BeforeTheFirstLine() throws InterruptedException {
        assertRetriedOnceAfter(upstream.error(503), 503);
    }

    @Test
    void failsWhenTheConnectionIsCutMidStream() {
        assertFailsWhenCutAfter(upstream.firstEvents("text.ndjson", 2));
    }

    @Test
    void failsAStreamThatEndsWithoutTheDoneLine() {
        assertFailsAsIncompleteAfter(upstream.firstEvents("text.ndjson", 3), 3);
    }

    @Test
    void failsOnAMalformedLine() {
        assertThat(failureAfterHello(upstream.streamFixture("malformed-line.ndjson")))
                .hasMessageStartingWith("Provider 'ollama' failed: received a malformed stream line (not valid JSON):"
                        + " {\"model\":\"llama3.2\"");
    }

    @Test
    void pricesEveryModelAtZeroUnlessTold() {
        assertThat(provider().pricing().find("llama3.2")).contains(OllamaPricing.FREE);
        assertThat(provider().pricing().find("qwen3:8b")).contains(OllamaPricing.FREE);
        ModelPricing billed = ModelPricing.of(1, 2);
        assertThat(provider(builder -> builder.pricing(OllamaPricing.TABLE.with(Map.of("gpt-oss:120b-cloud", billed))))
                .pricing().find("gpt-oss:120b-cloud")).contains(billed);
    }
}
