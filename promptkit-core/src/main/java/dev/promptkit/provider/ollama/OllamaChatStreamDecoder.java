/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.ollama;

import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.http.EndMarkedStreamDecoder;
import dev.promptkit.provider.http.StreamJson;
import dev.promptkit.types.TokenUsage;
import dev.promptkit.types.ToolCall;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes one {@code /api/chat} NDJSON stream: each line a response object whose {@code message.content}
 * is a text delta and whose {@code message.tool_calls} are complete calls, until the line with
 * {@code done: true}, which carries {@code done_reason} and the token counts ({@code prompt_eval_count}
 * in, {@code eval_count} out) and becomes the finish chunk.
 *
 * <p>Calls keep the {@code id} current servers give them; older servers give none, and the calls are
 * then named {@code call_<n>_<name>}, {@code n} counting the calls of the stream from 0. The finish reason
 * is {@code tool_calls} when the stream had calls, else {@code done_reason} as sent: {@code stop} or
 * {@code length}, or {@code load}/{@code unload} for a request without messages, which only loads or
 * unloads the model; a missing {@code done_reason} (older servers) is {@code stop}. {@code thinking}
 * text is not passed on.
 *
 * <p>An {@code {"error": "..."}} line fails the stream. It is retryable, like the HTTP 500 Ollama sends
 * for the same failure before the stream started; the HTTP layer retries it only if no chunk reached the
 * caller yet.
 */
final class OllamaChatStreamDecoder extends EndMarkedStreamDecoder<String> {

    private int toolCalls;

    OllamaChatStreamDecoder(String provider) {
        super(StreamJson.lines(provider));
    }

    @Override
    protected List<ProviderChunk> decodeBeforeEnd(String line) {
        JsonNode response = json().parse(line);
        if (response.has("error")) {
            JsonNode error = response.get("error");
            throw json().reportedError(null, error.stringValue(null), error, true);
        }
        List<ProviderChunk> chunks = new ArrayList<>(1);
        JsonNode message = response.path("message");
        String text = message.path("content").stringValue("");
        if (!text.isEmpty()) {
            chunks.add(ProviderChunk.text(text));
        }
        for (JsonNode call : message.path("tool_calls")) {
            chunks.add(ProviderChunk.toolCall(toolCall(call)));
        }
        if (response.path("done").booleanValue(false)) {
            end();
            chunks.add(finishChunk(response));
        }
        return chunks;
    }

    private ToolCall toolCall(JsonNode call) {
        JsonNode function = call.path("function");
        String name = function.path("name").stringValue(null);
        String id = call.path("id").stringValue("");
        int n = toolCalls++;
        JsonNode arguments = function.path("arguments");
        return new ToolCall(id.isBlank() ? "call_" + n + "_" + name : id, name,
                arguments.isObject() ? arguments : JsonMapper.shared().createObjectNode());
    }

    private ProviderChunk finishChunk(JsonNode response) {
        String doneReason = response.path("done_reason").stringValue("");
        String reason = toolCalls > 0 ? "tool_calls" : doneReason.isEmpty() ? "stop" : doneReason;
        return ProviderChunk.finish(reason, TokenUsage.of(response.path("prompt_eval_count").asLong(0),
                response.path("eval_count").asLong(0)));
    }
}
