/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import static dev.promptkit.provider.http.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/** The openai provider in Responses API mode, against the Responses API's wire format on loopback. */
class OpenAiResponsesProviderTests extends HttpProviderContract<OpenAiProvider, OpenAiProvider.Builder> {

    private static final String API_KEY = "sk-test-0123456789abcdef";
    private static final String SERVER_ERROR = "The server had an error while processing your request. Sorry about"
            + " that!";

    OpenAiResponsesProviderTests() {
        super(() -> OpenAiProvider.builder().api(OpenAiApi.RESPONSES), FakeUpstream.Framing.SSE, "/v1", API_KEY,
                "responses/text.sse");
    }

    @Override
    protected TokenUsage helloUsage() {
        return TokenUsage.of(19, 10);
    }

    @Override
    protected void assertDocumentedRequest(RecordedRequest request) {
        assertThat(request.getTarget()).isEqualTo("/v1/responses");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(request.getBody().utf8()).isEqualTo("{\"model\":\"gpt-4o-mini\",\"instructions\":\"Be brief.\","
                + "\"input\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":true,\"store\":false}");
    }

    @Override
    protected String providersMessage(JsonNode errorBody) {
        return errorBody.at("/error/message").stringValue();
    }

    @Test
    void sendsImagesFilesToolCallsToolResultsToolsParametersAndTheSchemaAsDocumented() throws InterruptedException {
        JsonNode weatherSchema = json("""
                {"type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]}""");
        List<Message> conversation = List.of(
                Message.user("What is in these pictures and documents?", List.of(
                        ContentPart.image(MediaContent.ofUrl("https://example.com/tower.jpg", "image/jpeg")
                                .withDetail("low")),
                        ContentPart.image(MediaContent.ofBase64("iVBORw0KGgo=", "image/png")),
                        ContentPart.image(MediaContent.ofFileId("file-9GHq2bVcXmTzL4rKpW1sYj", "image/png")),
                        ContentPart.document(MediaContent.ofBase64(PDF_BASE64, "application/pdf")
                                .withFilename("contract.pdf")),
                        ContentPart.document(MediaContent.ofUrl("https://example.com/annex.pdf", "application/pdf")),
                        ContentPart.document(MediaContent.ofFileId("file-6F2ksmvXxt4VdoqmHRw6kL",
                                "application/pdf")))),
                Message.assistant("Let me check the weather first.", List.of(
                        ToolCall.of("call_1", "get_weather", Map.of("location", "Paris")),
                        ToolCall.of("call_2", "get_weather", Map.of("location", "Lyon")))),
                Message.tool(ToolResult.success("call_1", "get_weather", "{\"celsius\":21}", 12)),
                Message.tool(ToolResult.failure("call_2", "get_weather", "timeout", 5000)));
        ProviderRequest request = new ProviderRequest("gpt-4.1", "Answer in JSON.", conversation,
                List.of(new ToolDescriptor("get_weather", "Current weather in a city", weatherSchema)),
                ToolChoice.tool("get_weather"), new ModelParameters(0.2, 256, 0.9, 40, 7L, 0.5, -0.5),
                ResponseFormat.jsonSchema("weather", weatherSchema, true), null);

        assertSendsFixture(request, "responses-tools-media-and-schema.json");
    }

    @Test
    void sendsJsonObjectModeAsTheTextFormatAndToolChoiceModesByName() throws InterruptedException {
        ToolDescriptor clock = new ToolDescriptor("get_time", null, null);
        ProviderRequest request = new ProviderRequest(null, null, List.of(Message.user("Hi")), List.of(clock),
                ToolChoice.REQUIRED, ModelParameters.DEFAULTS, ResponseFormat.JSON_OBJECT, null);

        JsonNode body = sentBody(request);

        assertThat(body.path("text")).isEqualTo(json("{\"format\": {\"type\": \"json_object\"}}"));
        assertThat(body.path("tool_choice").stringValue()).isEqualTo("required");
        assertThat(body.path("tools")).isEqualTo(json("""
                [{"type": "function", "name": "get_time", "parameters": {"type": "object", "properties": {}},
                  "strict": false}]"""));
    }

    @Test
    void streamsAStructuredAnswerAsText() {
        assertThat(answer(upstream.streamFixture("responses/structured.sse"))).containsExactly(
                ProviderChunk.text("{\"city\":\"Paris\","), ProviderChunk.text("\"celsius\":18}"),
                ProviderChunk.finish("stop", TokenUsage.of(64, 9)));
    }

    @Test
    void refusesAudioAndVideoAndDocumentsItCannotTakeWithoutCallingTheUpstream() {
        assertRefused("o3-pro", ContentPart.audio(MediaContent.ofBase64(WAV_BASE64, "audio/wav")), "audio,"
                + " audio/wav): the Responses API takes no input audio; set the provider's api to chat-completions"
                + " for an audio model");
        assertRefused("o3-pro", ContentPart.video(MediaContent.ofBase64("AAAAGGZ0eXA=", "video/mp4")), "video,"
                + " video/mp4): the Responses API takes no video; send frames of it as images");
        assertRefused("o3-pro", ContentPart.document(MediaContent.ofBase64("aGVsbG8=", "text/plain")), "document,"
                + " text/plain): the Responses API takes documents as a URL, base64 PDF data or the id of an"
                + " uploaded file only");
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 401, 403, 404, 429, 500, 503 })
    void turnsEveryDocumentedErrorIntoAProviderExceptionWithTheProvidersMessage(int status)
            throws InterruptedException {
        assertReportsDocumentedError(status);
    }

    @Test
    void retriesA503BeforeTheFirstChunk() throws InterruptedException {
        assertRetriedOnceAfter(upstream.error(503), 503);
    }

    @Test
    void retriesAResponseThatFailedWithAServerErrorBeforeItsFirstChunk() {
        assertThat(answer(upstream.streamFixture("responses/failed-before-content.sse"),
                upstream.streamFixture("responses/text.sse"))).isEqualTo(helloAnswer());
        assertThat(upstream.requestCount()).isEqualTo(2);
    }

    @Test
    void aResponseThatFailsAfterTheFirstChunkIsInterruptedWithTheApisCodeAndMessage() {
        ProviderException failure = failureAfterHello(upstream.streamFixture("responses/failed-mid-stream.sse"));

        assertThat(failure).hasMessage("Provider 'openai' failed: the stream reported an error (server_error): "
                + SERVER_ERROR);
        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.INTERRUPTED);
    }

    @Test
    void aFailedResponseWithoutAnErrorObjectSaysSoAndItsStatus() {
        ProviderException failure = failureAfterHello(upstream.streamFixture("responses/failed-without-error.sse"));

        assertThat(failure).hasMessage("Provider 'openai' failed: the stream reported an error: the response failed"
                + " without an error object (status failed)");
        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.INTERRUPTED);
    }

    @Test
    void anErrorEventInsideTheStreamFailsItWithTheKindItsCodeNamesAndTheApisMessage() {
        ProviderException failure = failureAfterHello(upstream.streamFixture("responses/error-event.sse"));

        assertThat(failure).hasMessage("Provider 'openai' failed: the stream reported an error (rate_limit_exceeded):"
                + " Rate limit reached for gpt-4.1 in organization org-abc on tokens per min (TPM): Limit 30000, Used"
                + " 30000, Requested 512.");
        assertThat(failure.kind()).as("the kind its code names, as in Chat Completions streams")
                .isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void anIncompleteResponseFinishesWithLengthAndItsUsage() {
        assertThat(answer(upstream.streamFixture("responses/incomplete.sse"))).containsExactly(
                ProviderChunk.text("Once upon a time"), ProviderChunk.finish("length", TokenUsage.of(12, 16)));
    }

    @Test
    void failsWhenTheConnectionIsCutMidStream() {
        assertFailsWhenCutAfter(upstream.firstEvents("responses/text.sse", 6));
    }

    @Test
    void failsAStreamThatEndsWithoutItsCompletedEvent() {
        assertFailsAsIncompleteAfter(upstream.firstEvents("responses/text.sse", 9), 3);
    }

    @Test
    void failsAStalledStreamAfterTheIdleTimeout() {
        upstream.enqueue(upstream.stalledAfter(upstream.firstEvents("responses/text.sse", 5)));

        StepVerifier.create(provider(builder -> builder.settings(settings().idleTimeout(Duration.ofMillis(300))
                .build())).stream(HELLO))
                .expectNext(ProviderChunk.text("Hello"))
                .verifyErrorMessage("Provider 'openai' failed: the upstream sent nothing for 300 ms (idle timeout)");
    }

    @Test
    void goesToTheResponsesPathOfAzureWithItsKeyHeaderAndApiVersionWhenConfiguredSo() throws InterruptedException {
        OpenAiProvider azure = provider(builder -> builder.name("azure").azure("preview")
                .settings(settings().baseUrl(upstream.url("/openai/v1")).build()));

        RecordedRequest request = sent(azure, HELLO);

        assertThat(request.getTarget()).isEqualTo("/openai/v1/responses?api-version=preview");
        assertThat(request.getHeaders().get("api-key")).isEqualTo(API_KEY);
    }
}
