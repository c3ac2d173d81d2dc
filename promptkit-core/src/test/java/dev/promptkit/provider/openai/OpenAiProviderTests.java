/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import static dev.promptkit.provider.http.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.ModelPricing;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.ConcurrencyPolicy;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

class OpenAiProviderTests extends HttpProviderContract<OpenAiProvider, OpenAiProvider.Builder> {

    private static final String API_KEY = "sk-test-0123456789abcdef";

    OpenAiProviderTests() {
        super(OpenAiProvider::builder, FakeUpstream.Framing.SSE, "/v1", API_KEY);
    }

    @Override
    protected TokenUsage helloUsage() {
        return TokenUsage.of(19, 10);
    }

    @Override
    protected void assertDocumentedRequest(RecordedRequest request) {
        assertThat(request.getTarget()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(json(request.getBody().utf8())).isEqualTo(json("""
                {"model": "gpt-4o-mini",
                 "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}],
                 "stream": true, "stream_options": {"include_usage": true}}"""));
    }

    @Override
    protected String providersMessage(JsonNode errorBody) {
        return errorBody.at("/error/message").stringValue();
    }

    @Test
    void assemblesParallelToolCallsFromArgumentsSplitAcrossDeltas() {
        assertThat(answer(upstream.streamFixture("parallel-tool-calls.sse"))).containsExactly(
                ProviderChunk.toolCall(ToolCall.of("call_DdmO9pD3xa9XTPNJ32zg2hcA", "get_weather",
                        Map.of("location", "Paris, France"))),
                ProviderChunk.toolCall(ToolCall.of("call_8nHq2bVcXmTzL4rKpW1sYjDe", "get_time",
                        Map.of("timezone", "Europe/Paris"))),
                ProviderChunk.finish("tool_calls", TokenUsage.of(82, 51)));
    }

    @Test
    void reportsCachedAndReasoningTokens() {
        assertThat(answer(upstream.streamFixture("reasoning-usage.sse"))).containsExactly(
                ProviderChunk.text("The answer is 42."),
                ProviderChunk.finish("stop", new TokenUsage(176, 300, 1024, 0, 256)));
    }

    @Test
    void mapsImagesToolCallsToolResultsToolsAndParameters() throws InterruptedException {
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

        assertThat(sentBody(request)).isEqualTo(json("""
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
    void sendsABase64PdfAsAFilePart() throws InterruptedException {
        ProviderRequest request = summarise(MediaContent.ofBase64("JVBERi0xLjQK", "application/pdf"));

        assertThat(sentBody(request).path("messages")).isEqualTo(json("""
                [{"role": "user", "content": [
                  {"type": "text", "text": "Summarise this."},
                  {"type": "file", "file": {"filename": "document.pdf",
                    "file_data": "data:application/pdf;base64,JVBERi0xLjQK"}}]}]"""));
    }

    @Test
    void sendsWavAndMp3AsInputAudioAndPdfsAsFilePartsByDataOrByFileId() throws InterruptedException {
        ProviderRequest request = userMessage("gpt-4o-audio-preview", "Does the recording match the contract?",
                ContentPart.audio(MediaContent.ofBase64(WAV_BASE64, "audio/wav")),
                ContentPart.audio(MediaContent.ofBase64("SUQzBAAAAAAAI1RTU0U=", "audio/mpeg")),
                ContentPart.document(MediaContent.ofBase64(PDF_BASE64, "application/pdf").withFilename("contract.pdf")),
                ContentPart.document(MediaContent.ofFileId("file-6F2ksmvXxt4VdoqmHRw6kL", "application/pdf")));

        assertSendsFixture(request, "audio-and-documents.json");
    }

    @Test
    void refusesWhatChatCompletionsCannotTakeNamingModelPartAndMimeTypeWithoutCallingTheUpstream() {
        String model = "gpt-4o";
        String documents = "Chat Completions takes documents as base64 PDF data or as the id of an uploaded file only";
        assertRefused(model, ContentPart.video(MediaContent.ofBase64("AAAAGGZ0eXA=", "video/mp4")), "video,"
                + " video/mp4): Chat Completions takes no video; send frames of it as images");
        assertRefused(model, ContentPart.audio(MediaContent.ofBase64("T2dnUw==", "audio/ogg")), "audio, audio/ogg):"
                + " Chat Completions takes input audio as base64 wav or mp3 data only");
        assertRefused(model, ContentPart.audio(MediaContent.ofUrl("https://example.com/memo.wav", "audio/wav")),
                "audio, audio/wav): Chat Completions takes input audio as base64 wav or mp3 data only");
        assertRefused(model, ContentPart.document(MediaContent.ofUrl("https://example.com/report.pdf",
                "application/pdf")), "document, application/pdf): " + documents);
        assertRefused(model, ContentPart.document(MediaContent.ofBase64("aGVsbG8=", "text/plain")), "document,"
                + " text/plain): " + documents);
        assertRefused(model, ContentPart.audio(MediaContent.ofFile("/tmp/memo.wav", "audio/wav")), "audio,"
                + " audio/wav): a file path must be read before the provider is called; pass the bytes, a URL or a"
                + " file id");
    }

    @Test
    void sendsMaxTokensAndJsonObjectModeWhenAskedTo() throws InterruptedException {
        ProviderRequest request = new ProviderRequest(null, null, List.of(Message.user("Hi")), null, null,
                new ModelParameters(null, 100, null, null, null, null, null), ResponseFormat.JSON_OBJECT, null);

        JsonNode body = sentBody(provider(builder -> builder.legacyMaxTokens(true)), request);

        assertThat(body.path("max_tokens").asInt()).isEqualTo(100);
        assertThat(body.has("max_completion_tokens")).isFalse();
        assertThat(body.path("response_format")).isEqualTo(json("{\"type\": \"json_object\"}"));
    }

    @Test
    void speaksAzureOpenAiWithAnApiKeyHeaderAndApiVersion() throws InterruptedException {
        OpenAiProvider azure = provider(builder -> builder.name("azure").azure("2024-10-21")
                .settings(settings().baseUrl(upstream.url("/openai/deployments/my-gpt-4o")).build()));

        RecordedRequest request = sent(azure, HELLO);

        assertThat(request.getTarget())
                .isEqualTo("/openai/deployments/my-gpt-4o/chat/completions?api-version=2024-10-21");
        assertThat(request.getHeaders().get("api-key")).isEqualTo(API_KEY);
        assertThat(request.getHeaders().get("Authorization")).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 401, 403, 404, 429, 500, 503 })
    void turnsEveryDocumentedErrorIntoAProviderExceptionWithTheProvidersMessage(int status)
            throws InterruptedException {
        assertReportsDocumentedError(status);
    }

    @Test
    void saysWhatIsWrongWithTheKeyOn401And403() {
        upstream.enqueue(upstream.error(401), upstream.error(403));

        StepVerifier.create(provider().stream(HELLO))
                .verifyErrorSatisfies(error -> assertThat(error)
                        .hasMessageContaining("the API key is invalid or revoked"));
        StepVerifier.create(provider().stream(HELLO))
                .verifyErrorSatisfies(error -> assertThat(error)
                        .hasMessageContaining("the API key is not permitted to make this request"));
    }

    @Test
    void retriesA503BeforeTheFirstChunk() throws InterruptedException {
        assertRetriedOnceAfter(upstream.error(503), 503);
    }

    @Test
    void neverRetriesAServerErrorOnceChunksWereDelivered() {
        assertThat(failureAfterHello(upstream.streamFixture("error-mid-stream.sse")))
                .hasMessage("Provider 'openai' failed: the stream reported an error (server_error): The server had an"
                        + " error while processing your request. Sorry about that!");
    }

    @Test
    void failsWhenTheConnectionIsCutMidStream() {
        assertFailsWhenCutAfter(upstream.firstEvents("text.sse", 3));
    }

    @Test
    void failsAStreamThatEndsWithoutFinishing() {
        assertFailsAsIncompleteAfter(upstream.firstEvents("text.sse", 3), 2);
    }

    @Test
    void failsAStalledStreamAfterTheIdleTimeout() {
        upstream.enqueue(stalledAfterHello());

        StepVerifier.create(provider(builder -> builder.settings(settings().idleTimeout(Duration.ofMillis(300))
                .build())).stream(HELLO))
                .expectNext(ProviderChunk.text("Hello"))
                .verifyErrorMessage("Provider 'openai' failed: the upstream sent nothing for 300 ms (idle timeout)");
    }

    @Test
    void failsOnAMalformedEventWithoutCrashing() {
        assertThat(failureAfterHello(upstream.streamFixture("malformed-event.sse")))
                .hasMessageStartingWith("Provider 'openai' failed: received a malformed stream event (not valid"
                        + " JSON): {\"id\":\"chatcmpl-123\"");
    }

    @Test
    void rejectsACallWhenTheInFlightLimitIsReached() throws InterruptedException {
        upstream.enqueue(stalledAfterHello());
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
        assertThat(provider().pricing().find("gpt-4o-2024-08-06")).contains(ModelPricing.of(2.50, 10.00, 1.25, 2.50));
        assertThat(provider().pricing().find("o4-mini")).contains(ModelPricing.of(1.10, 4.40, 0.275, 1.10));

        OpenAiProvider custom = provider(builder -> builder.pricing(OpenAiPricing.TABLE.with(
                Map.of("gpt-4o", ModelPricing.of(1, 2)))));
        assertThat(custom.pricing().find("gpt-4o")).contains(ModelPricing.of(1, 2));
    }

    private static ProviderRequest summarise(MediaContent document) {
        return ProviderRequest.of(null, null,
                List.of(Message.user("Summarise this.", List.of(ContentPart.document(document)))));
    }

    /** Sends the first two events (the second says "Hello"), then nothing: it stalls halfway through the body. */
    private MockResponse stalledAfterHello() {
        return upstream.stalledAfter(upstream.firstEvents("text.sse", 2));
    }
}
