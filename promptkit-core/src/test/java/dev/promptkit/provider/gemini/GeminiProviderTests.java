/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import static dev.promptkit.provider.http.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.ModelPricing;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.FakeUpstream;
import dev.promptkit.provider.http.HttpProviderContract;
import dev.promptkit.provider.http.RetryPolicy;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

class GeminiProviderTests extends HttpProviderContract<GeminiProvider, GeminiProvider.Builder> {

    /** The key the 403 fixture's message quotes, as Google's suspended-consumer error does. */
    private static final String API_KEY = "AIzaSyTest-0123456789abcdefGHIJKLMNOPQR";

    GeminiProviderTests() {
        super(GeminiProvider::builder, FakeUpstream.Framing.SSE, "/v1beta", API_KEY);
    }

    @Override
    protected TokenUsage helloUsage() {
        return TokenUsage.of(19, 10);
    }

    /** The key travels only in the header. */
    @Override
    protected void assertDocumentedRequest(RecordedRequest request) {
        assertThat(request.getTarget()).isEqualTo("/v1beta/models/gemini-3.6-flash:streamGenerateContent?alt=sse")
                .doesNotContain(API_KEY).doesNotContain("key=");
        assertThat(request.getHeaders().get("x-goog-api-key")).isEqualTo(API_KEY);
        assertThat(json(request.getBody().utf8())).isEqualTo(json("""
                {"contents": [{"role": "user", "parts": [{"text": "Hi"}]}],
                 "systemInstruction": {"parts": [{"text": "Be brief."}]}}"""));
    }

    @Override
    protected String providersMessage(JsonNode errorBody) {
        JsonNode error = errorBody.path("error");
        return error.path("status").stringValue() + ": "
                + error.path("message").stringValue().replace(API_KEY, "[redacted]");
    }

    @Test
    void emitsParallelFunctionCallsUnderGeneratedIdsAndFinishesWithToolCalls() {
        assertThat(answer(upstream.streamFixture("parallel-function-calls.sse"))).containsExactly(
                ProviderChunk.toolCall(new ToolCall("call_0_get_weather", "get_weather",
                        json("{\"location\": \"Paris, France\"}"),
                        Map.of("thoughtSignature", "CiQB0e2Kb6XcqdgmJQ3cJ4yQZ8AdW1rEdQ7W8l2o5k0pPq3uQ3kKYgHR7Yp1"))),
                ProviderChunk.toolCall(ToolCall.of("call_1_get_time", "get_time",
                        Map.of("timezone", "Europe/Paris"))),
                ProviderChunk.finish("tool_calls", TokenUsage.of(82, 51)));
    }

    @Test
    void keepsTheIdAndThoughtSignatureGeminiGaveAFunctionCall() {
        assertThat(answer(upstream.streamFixture("function-call-with-id.sse"))).containsExactly(
                ProviderChunk.toolCall(new ToolCall("fc_8b1d0e2a", "get_weather",
                        json("{\"location\": \"Paris, France\"}"),
                        Map.of("thoughtSignature", "EpQCCpECAdHtim9Ryq3m8cX0b1Q7vS2fKpJm4wVhX0dQYz9ZpT1uB2aN"))),
                ProviderChunk.finish("tool_calls", new TokenUsage(64, 92, 0, 0, 74)));
    }

    @Test
    void sendsAudioVideoAndPdfsAsInlineDataOrFileData() throws InterruptedException {
        ProviderRequest request = userMessage("gemini-2.5-flash", "What is said and shown?",
                ContentPart.audio(MediaContent.ofBase64(WAV_BASE64, "audio/wav")),
                ContentPart.video(MediaContent.ofBase64("AAAAGGZ0eXBtcDQyAAAAAG1wNDJpc29t", "video/mp4")),
                ContentPart.video(MediaContent.ofUrl("https://generativelanguage.googleapis.com/v1beta/files/clip-42",
                        "video/mp4")),
                ContentPart.audio(MediaContent.ofUrl("gs://cloud-samples-data/generative-ai/audio/pixel.mp3",
                        "audio/mpeg")),
                ContentPart.document(MediaContent.ofBase64(PDF_BASE64, "application/pdf")));

        assertSendsFixture(request, "audio-video-and-pdf.json");
    }

    @Test
    void refusesFileIdsAndMimeTypesOfAnotherKindNamingModelPartAndMimeTypeWithoutCallingTheUpstream() {
        String model = "gemini-2.5-pro";
        assertRefused(model, ContentPart.video(MediaContent.ofBase64("UklGRg==", "audio/wav")), "video, audio/wav):"
                + " Gemini takes video parts with a MIME type of video/*");
        assertRefused(model, ContentPart.document(MediaContent.ofBase64("UEsDBA==", "application/zip")), "document,"
                + " application/zip): Gemini takes document parts with a MIME type of application/pdf or text/*");
        assertRefused(model, ContentPart.document(MediaContent.ofFileId("file-6F2ksmvXxt4VdoqmHRw6kL",
                "application/pdf")), "document, application/pdf): Gemini refers to uploaded files by their URI; pass"
                + " the file's uri as the part's URL");
    }

    @Test
    void mapsMediaFunctionCallsResultsToolsChoiceAndGenerationConfig() throws InterruptedException {
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

        RecordedRequest recorded = sent(provider(), request);
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
        List<Message> conversation = List.of(Message.user("Weather in Paris?"),
                Message.assistant(null,
                        List.of(ToolCall.of("fc_8b1d0e2a", "get_weather", Map.of("location", "Paris")))),
                Message.tool(ToolResult.success("fc_8b1d0e2a", "get_weather", "{\"celsius\":21}", 12)));
        ProviderRequest request = new ProviderRequest(null, null, conversation,
                List.of(new ToolDescriptor("get_weather", null, null)), ToolChoice.REQUIRED, null,
                ResponseFormat.JSON_OBJECT, null);

        assertThat(sentBody(request)).isEqualTo(json("""
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
        List<Message> conversation = List.of(Message.user("Weather and time in Paris?"),
                Message.assistant(null, List.of(
                        new ToolCall("call_0_get_weather", "get_weather", json("{\"location\": \"Paris\"}"),
                                Map.of("thoughtSignature", "CiQB0e2Kb6Xc")),
                        ToolCall.of("call_1_get_time", "get_time", Map.of()))),
                Message.tool(ToolResult.success("call_0_get_weather", "get_weather", "{\"celsius\":21}", 12)),
                Message.tool(ToolResult.success("call_1_get_time", "get_time", "14:05", 3)),
                Message.assistant(null, List.of(ToolCall.of("call_0_get_date", "get_date", Map.of()))),
                Message.tool(ToolResult.success("call_0_get_date", "get_date", "2026-05-04", 2)));

        assertThat(sentBody(ProviderRequest.of(null, null, conversation)).path("contents")).isEqualTo(json("""
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
        List<Message> conversation = List.of(Message.user("Weather in Paris?"),
                Message.assistant(null, List.of(new ToolCall("fc_1", "get_weather", json("{}"),
                        Map.of("thoughtSignature", "CiQB0e2Kb6Xc")))),
                Message.assistant(null, List.of(ToolCall.of("fc_2", "get_weather", Map.of()))));

        assertThat(sentBody(ProviderRequest.of("gemini-2.5-flash", null, conversation)).at("/contents/1/parts"))
                .isEqualTo(json("""
                        [{"functionCall": {"id": "fc_1", "name": "get_weather", "args": {}},
                          "thoughtSignature": "CiQB0e2Kb6Xc"},
                         {"functionCall": {"id": "fc_2", "name": "get_weather", "args": {}}}]"""));
    }

    @Test
    void namesAFullResourceAsItIs() throws InterruptedException {
        assertThat(sent(provider(), HELLO.withModel("tunedModels/weather-bot-7")).getTarget())
                .isEqualTo("/v1beta/tunedModels/weather-bot-7:streamGenerateContent?alt=sse");
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 403, 404, 429, 500, 503 })
    void turnsEveryDocumentedErrorIntoAProviderExceptionWithGeminisMessage(int status) throws InterruptedException {
        assertReportsDocumentedError(status);
    }

    @Test
    void retriesA503BeforeTheFirstEvent() throws InterruptedException {
        assertRetriedOnceAfter(upstream.error(503), 503);
    }

    @Test
    void waitsTheRetryDelayA429BodyAsksForUpToTheCap() {
        upstream.enqueue(upstream.error(429), upstream.streamFixture("text.sse"));
        RetryPolicy capAt50Ms = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(50),
                0, 0);

        StepVerifier.create(provider(builder -> builder.settings(settings().retry(capAt50Ms).build())).stream(HELLO))
                .expectNextSequence(helloAnswer()).verifyComplete();

        assertThat(listener.heard()).containsExactly("retry 1 after HTTP 429");
        assertThat(listener.delays()).containsExactly(Duration.ofMillis(50));
    }

    @Test
    void failsOnAnErrorWrittenAsBareJsonOutsideTheEvents() {
        ProviderException failure = failureAfterHello(upstream.streamFixture("error-unframed.sse"));

        assertThat(failure).hasMessage("Provider 'gemini' failed: the stream reported an error: UNAVAILABLE: The"
                + " model is overloaded. Please try again later.");
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void failsWhenTheConnectionIsCutMidStream() {
        assertFailsWhenCutAfter(upstream.firstEvents("text.sse", 2));
    }

    @Test
    void failsAStreamThatEndsBeforeAFinishReason() {
        assertFailsAsIncompleteAfter(upstream.firstEvents("text.sse", 2), 2);
    }

    @Test
    void failsOnAMalformedEventWithoutCrashing() {
        assertThat(failureAfterHello(upstream.streamFixture("malformed-event.sse")))
                .hasMessage("Provider 'gemini' failed: received a malformed stream event (not valid JSON): "
                        + "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \" wor");
    }

    @Test
    void failsOnAnErrorEventWithoutRetryingOnceTextWasDelivered() {
        assertThat(failureAfterHello(upstream.streamFixture("error-mid-stream.sse")))
                .hasMessage("Provider 'gemini' failed: the stream reported an error: INTERNAL: An internal"
                        + " error has occurred. Please retry or report in"
                        + " https://developers.generativeai.google/guide/troubleshooting");
    }

    @Test
    void failsOnABlockedPromptNamingTheReason() {
        ProviderException failure = failure(upstream.streamFixture("blocked-prompt.sse"));

        assertThat(failure).hasMessage("Provider 'gemini' failed: Gemini blocked the prompt: SAFETY");
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void pricesModelsFromTheDatedTableUnlessOverridden() {
        assertThat(provider().pricing().find("gemini-2.5-pro")).contains(ModelPricing.of(1.25, 10.00, 0.125, 1.25));
        assertThat(provider().pricing().find("gemini-2.5-flash-lite-preview-06-17"))
                .contains(ModelPricing.of(0.10, 0.40, 0.01, 0.10));
        assertThat(provider().pricing().find("models/gemini-2.5-flash"))
                .contains(ModelPricing.of(0.30, 2.50, 0.03, 0.30));

        GeminiProvider custom = provider(builder -> builder.pricing(GeminiPricing.TABLE.with(
                Map.of("gemini-2.5-pro", ModelPricing.of(2.50, 15.00)))));
        assertThat(custom.pricing().find("gemini-2.5-pro")).contains(ModelPricing.of(2.50, 15.00));
    }
}
