/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.anthropic;

import static dev.promptkit.provider.http.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.AnswerLimits;
import dev.promptkit.provider.ModelPricing;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.FakeUpstream;
import dev.promptkit.provider.http.HttpProviderContract;
import dev.promptkit.provider.http.HttpProviderSettings;
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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AnthropicProviderTests extends HttpProviderContract<AnthropicProvider, AnthropicProvider.Builder> {

    private static final String API_KEY = "sk-ant-api03-test-0123456789abcdef";
    private static final JsonNode WEATHER_SCHEMA = json("""
            {"type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"],
             "additionalProperties": false}""");

    AnthropicProviderTests() {
        super(AnthropicProvider::builder, FakeUpstream.Framing.SSE, "/", API_KEY);
    }

    @Override
    protected TokenUsage helloUsage() {
        return TokenUsage.of(19, 10);
    }

    @Override
    protected void assertDocumentedRequest(RecordedRequest request) {
        assertThat(request.getTarget()).isEqualTo("/v1/messages");
        assertThat(request.getHeaders().get("x-api-key")).isEqualTo(API_KEY);
        assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(json(request.getBody().utf8())).isEqualTo(json("""
                {"model": "claude-haiku-4-5", "max_tokens": 4096, "system": "Be brief.",
                 "messages": [{"role": "user", "content": "Hi"}], "stream": true}"""));
    }

    @Override
    protected String providersMessage(JsonNode errorBody) {
        return errorBody.at("/error/message").stringValue();
    }

    @Test
    void assemblesParallelToolUseBlocksFromInputSplitAcrossDeltas() {
        assertThat(answer(upstream.streamFixture("parallel-tool-use.sse"))).containsExactly(
                ProviderChunk.text("I'll check the weather and the time in Paris."),
                ProviderChunk.toolCall(ToolCall.of("toolu_01T1x1fJ34qAmk2tNTrN7Up6", "get_weather",
                        Map.of("location", "Paris, France"))),
                ProviderChunk.toolCall(ToolCall.of("toolu_01LwRZ5Bsn5eUFMT3t1zmxPa", "get_time",
                        Map.of("timezone", "Europe/Paris"))),
                ProviderChunk.finish("tool_calls", TokenUsage.of(472, 118)));
    }

    @Test
    void reportsCacheReadAndCacheWriteTokensAndMapsMaxTokensToLength() {
        assertThat(answer(upstream.streamFixture("cache-usage.sse"))).containsExactly(
                ProviderChunk.text("The answer is"),
                ProviderChunk.finish("length", new TokenUsage(14, 4, 1800, 248, 0)));
    }

    @Test
    void mapsSystemImagesDocumentsToolUseToolResultsToolsAndParameters() throws InterruptedException {
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

        assertThat(sentBody(request)).isEqualTo(json("""
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
        List<Message> conversation = List.of(Message.user("Hi"), Message.user("   "), Message.user("Still there?"),
                Message.assistant(null, List.of(ToolCall.of("toolu_1", "ping", Map.of()))),
                Message.user("Never mind."),
                Message.tool(ToolResult.success("toolu_1", "ping", "pong", 1)));

        assertThat(sentBody(ProviderRequest.of(null, null, conversation)).path("messages")).isEqualTo(json("""
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
        ProviderRequest request = new ProviderRequest(null, null, List.of(Message.user("Hi")),
                List.of(new ToolDescriptor("get_weather", "Current weather in a city", WEATHER_SCHEMA)),
                new ToolChoice(mode, null), null, null, null);

        assertThat(sentBody(request).path("tool_choice")).isEqualTo(json(expected));
    }

    @Test
    void sendsAStrictSchemaAsStructuredOutputAndTheDefaultMaxTokensWhenNoneIsSet() throws InterruptedException {
        ProviderRequest request = new ProviderRequest(null, "Be brief.", List.of(Message.user("Weather?")), null,
                null, null, ResponseFormat.jsonSchema("weather", WEATHER_SCHEMA, true), null);

        JsonNode body = sentBody(provider(builder -> builder.defaultMaxTokens(1024)), request);

        assertThat(body.path("output_config")).isEqualTo(json("""
                {"format": {"type": "json_schema", "schema": %s}}""".formatted(WEATHER_SCHEMA)));
        assertThat(body.path("system").stringValue()).isEqualTo("Be brief.");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
    }

    @Test
    void asksForANonStrictSchemaInTheSystemPrompt() throws InterruptedException {
        ProviderRequest request = new ProviderRequest(null, null, List.of(Message.user("Weather?")), null, null,
                null, ResponseFormat.jsonSchema("weather", WEATHER_SCHEMA, false), null);

        JsonNode body = sentBody(request);

        assertThat(body.has("output_config")).isFalse();
        assertThat(body.path("system").stringValue()).isEqualTo("Answer with a single JSON object that conforms to"
                + " this JSON Schema and nothing else: no text before or after it, no Markdown code fence.\n"
                + JsonMapper.shared().writeValueAsString(WEATHER_SCHEMA));
    }

    @Test
    void sendsPdfsAsBase64OrUrlSourcesAndPlainTextDocumentsAsTheirText() throws InterruptedException {
        String menu = Base64.getEncoder().encodeToString("Crème brûlée: 4 €\nSushi: 12 €"
                .getBytes(StandardCharsets.UTF_8));
        ProviderRequest request = userMessage("claude-sonnet-4-5", "Compare the three.",
                ContentPart.document(MediaContent.ofBase64(PDF_BASE64, "application/pdf")),
                ContentPart.document(MediaContent.ofBase64(menu, "text/plain; charset=utf-8")),
                ContentPart.document(MediaContent.ofUrl("https://example.com/menu.pdf", "application/pdf")));

        assertSendsFixture(request, "documents.json");
    }

    @Test
    void refusesAudioVideoOtherDocumentsAndFilesNamingModelPartAndMimeTypeWithoutCallingTheUpstream() {
        String model = "claude-opus-4-1";
        assertRefused(model, ContentPart.audio(MediaContent.ofBase64("UklGRg==", "audio/wav")), "audio, audio/wav):"
                + " the Messages API takes no audio or video; send text, images or documents");
        assertRefused(model, ContentPart.video(MediaContent.ofUrl("https://example.com/clip.mp4", "video/mp4")),
                "video, video/mp4): the Messages API takes no audio or video; send text, images or documents");
        assertRefused(model, ContentPart.document(MediaContent.ofBase64("UEsDBA==", "application/vnd.openxmlformats"
                + "-officedocument.wordprocessingml.document")), "document, application/vnd.openxmlformats"
                + "-officedocument.wordprocessingml.document): the Messages API takes documents as base64 PDF data,"
                + " plain text or the URL of a PDF");
        assertRefused(model, ContentPart.document(MediaContent.ofFileId("file_011CNha8iCJcU1wXNR6q4V8w",
                "application/pdf")), "document, application/pdf): the Messages API takes documents as base64 PDF"
                + " data, plain text or the URL of a PDF");
        assertRefused(model, ContentPart.image(MediaContent.ofFile("/tmp/tower.jpg", "image/jpeg")), "image,"
                + " image/jpeg): a file path must be read before the provider is called; pass the bytes, a URL or a"
                + " file id");
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 401, 403, 404, 413, 429, 500, 529 })
    void turnsEveryDocumentedErrorIntoAProviderExceptionWithAnthropicsMessage(int status)
            throws InterruptedException {
        assertReportsDocumentedError(status);
    }

    @ParameterizedTest
    @CsvSource({ "400, false", "401, false", "403, false", "404, false", "413, false", "429, true", "500, true",
            "529, true" })
    void retriesRateLimitsAndServerErrorsButNotClientErrors(int status, boolean retried) {
        upstream.enqueue(upstream.error(status), upstream.error(status), upstream.error(status));

        StepVerifier.create(provider().stream(HELLO))
                .verifyErrorSatisfies(error -> assertThat(((ProviderException) error).retryable()).isEqualTo(retried));
        assertThat(upstream.requestCount()).isEqualTo(retried ? 3 : 1);
    }

    @ParameterizedTest
    @ValueSource(ints = { 503, 529 })
    void retriesAnOverloadedUpstreamBeforeTheFirstEvent(int status) throws InterruptedException {
        assertRetriedOnceAfter(upstream.error(status, "errors/529.json"), status);
    }

    @Test
    void retriesAnOverloadedErrorEventThatComesBeforeAnyContent() {
        assertThat(answer(upstream.streamFixture("error-before-content.sse"), upstream.streamFixture("text.sse")))
                .isEqualTo(helloAnswer());

        assertThat(listener.heard()).containsExactly("retry 1 after HTTP 0");
    }

    @Test
    void neverRetriesAnErrorEventOnceTextWasDelivered() {
        ProviderException failure = failureAfterHello(upstream.streamFixture("error-mid-stream.sse"));

        assertThat(failure).hasMessage("Provider 'anthropic' failed: the stream reported an error (overloaded_error):"
                + " Overloaded");
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void failsToolUseInputLongerThanTheAnswerLimitBeforeItsBlockEnds() {
        StringBuilder events = new StringBuilder(upstream.firstEvents("parallel-tool-use.sse", 1)).append(
                "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                        + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"lookup\",\"input\":{}}}\n\n");
        for (int i = 0; i < 50; i++) {
            events.append("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\\\"0123456789\"}}\n\n");
        }
        upstream.enqueue(upstream.stream(events.toString()));

        StepVerifier.create(provider(builder -> builder.answerLimits(new AnswerLimits(200, 1000))).stream(HELLO))
                .verifyErrorSatisfies(error -> assertThat(error).hasMessage("Provider 'anthropic' failed: the answer"
                        + " is too large: its tool-call arguments are longer than the limit of 200 characters")
                        .extracting(failure -> ((ProviderException) failure).kind())
                        .isEqualTo(ProviderException.Kind.ANSWER_TOO_LARGE));
    }

    @Test
    void failsWhenTheConnectionIsCutMidStream() {
        assertFailsWhenCutAfter(upstream.firstEvents("text.sse", 5));
    }

    @Test
    void failsAStreamThatEndsWithoutMessageStop() {
        assertFailsAsIncompleteAfter(upstream.firstEvents("text.sse", 8), 3);
    }

    @Test
    void failsOnAMalformedEventWithoutCrashing() {
        assertThat(failureAfterHello(upstream.streamFixture("malformed-event.sse")))
                .hasMessageStartingWith("Provider 'anthropic' failed: received a malformed stream event (not valid"
                        + " JSON): {\"type\":\"content_block_delta\"");
    }

    @Test
    void sendsNoKeyHeaderWithoutAKey() throws InterruptedException {
        AnthropicProvider keyless = provider(builder -> builder.settings(HttpProviderSettings.builder()
                .baseUrl(upstream.url("/")).build()));

        RecordedRequest request = sent(keyless, HELLO);

        assertThat(request.getHeaders().get("x-api-key")).isNull();
        assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
    }

    @Test
    void pricesDatedModelIdsAsTheirAliasUnlessOverridden() {
        ModelPricing sonnet = ModelPricing.of(3.00, 15.00, 0.30, 3.75);
        assertThat(provider().pricing().find("claude-sonnet-4-5-20250929")).contains(sonnet);
        assertThat(provider().pricing().find("claude-sonnet-4-20250514")).contains(sonnet);
        assertThat(provider().pricing().find("claude-opus-4-1-20250805"))
                .contains(ModelPricing.of(15.00, 75.00, 1.50, 18.75));
        assertThat(provider().pricing().find("claude-opus-4-5-20251101"))
                .contains(ModelPricing.of(5.00, 25.00, 0.50, 6.25));
        assertThat(provider().pricing().find("claude-haiku-4-5-20251001"))
                .contains(ModelPricing.of(1.00, 5.00, 0.10, 1.25));
        assertThat(provider().pricing().find("claude-3-5-haiku-latest"))
                .contains(ModelPricing.of(0.80, 4.00, 0.08, 1.00));
        assertThat(provider().pricing().find("claude-3-7-sonnet-20250219")).contains(sonnet);

        AnthropicProvider custom = provider(builder -> builder.pricing(AnthropicPricing.TABLE.with(
                Map.of("claude-sonnet-4-5", ModelPricing.of(1, 2)))));
        assertThat(custom.pricing().find("claude-sonnet-4-5-20250929")).contains(ModelPricing.of(1, 2));
    }
}
