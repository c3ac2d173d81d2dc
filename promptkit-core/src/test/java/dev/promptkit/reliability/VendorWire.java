/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.reliability;

import dev.promptkit.test.http.LoopbackRequest;
import dev.promptkit.test.http.LoopbackResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A vendor's chat API as a {@link LoopbackHttpServer} responder, from the vendor's own fixtures in
 * {@code dev/promptkit/provider/<vendor>/}: a request whose last message carries tool results is answered with
 * the streamed text answer, any other with the streamed call of the pack's two tools. Answers depend on the
 * request alone, so that a re-sent or retried request gets the answer the first would have had.
 *
 * @param type the provider type
 * @param contentType how the vendor streams
 * @param basePath where its API lives on the server
 * @param toolFixture the streamed tool calls
 * @param textFixture the streamed text answer
 * @param endsWithToolResults whether a request body's last message carries tool results
 */
record VendorWire(String type, String contentType, String basePath, String toolFixture, String textFixture,
        Predicate<JsonNode> endsWithToolResults) {

    private static final Path FIXTURES = Path.of("src/test/resources/dev/promptkit/provider");

    static List<VendorWire> all() {
        return List.of(
                new VendorWire("openai", "text/event-stream", "/v1", "parallel-tool-calls.sse", "text.sse",
                        body -> last(body.path("messages")).path("role").asString("").equals("tool")),
                new VendorWire("anthropic", "text/event-stream", "", "parallel-tool-use.sse", "text.sse",
                        body -> has(last(body.path("messages")).path("content"), "type", "tool_result")),
                new VendorWire("gemini", "text/event-stream", "/v1beta", "parallel-function-calls.sse", "text.sse",
                        body -> has(last(body.path("contents")).path("parts"), "functionResponse", null)),
                new VendorWire("ollama", "application/x-ndjson", "", "tool-calls.ndjson", "text.ndjson",
                        body -> last(body.path("messages")).path("role").asString("").equals("tool")));
    }

    /** The vendor's answer to {@code request}. */
    LoopbackResponse answer(LoopbackRequest request) {
        JsonNode body = JsonMapper.shared().readTree(request.body());
        return LoopbackResponse.ok(contentType, fixture(endsWithToolResults.test(body) ? textFixture : toolFixture));
    }

    private String fixture(String name) {
        try {
            return Files.readString(FIXTURES.resolve(type).resolve(name));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode last(JsonNode array) {
        return array.path(array.size() - 1);
    }

    /** Whether an element of {@code array} has {@code field} (with {@code value}, unless that is null). */
    private static boolean has(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.has(field) && (value == null || element.path(field).asString("").equals(value))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return type;
    }
}
