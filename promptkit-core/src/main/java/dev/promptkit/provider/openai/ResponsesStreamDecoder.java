/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import dev.promptkit.provider.AnswerLimits;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.http.EndMarkedStreamDecoder;
import dev.promptkit.provider.http.SseEvent;
import dev.promptkit.provider.http.StreamJson;
import dev.promptkit.types.OpaqueReasoning;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Decodes one Responses API stream of semantic events, each named by its {@code type}. Text
 * ({@code response.output_text.delta}) and refusals ({@code response.refusal.delta}) are emitted as they come, reasoning
 * summaries ({@code response.reasoning_summary_text.delta}) as reasoning, a blank line between two summary parts. A
 * {@code function_call} item's arguments ({@code response.function_call_arguments.delta}) are assembled by output index
 * and the calls emitted at the end; a completed reasoning item with encrypted content becomes an opaque token
 * ({@link ReasoningItems}). {@code response.completed} ends the stream with the finish chunk ({@code tool_calls} when
 * functions were called, else {@code stop}) and the usage; {@code response.incomplete} ends it too, finishing with
 * {@code length} for {@code max_output_tokens} and the API's reason otherwise. {@code response.failed} and
 * {@code error} fail the stream with the API's code and message. Other events (lifecycle, content parts, the
 * {@code .done} events, whose content the deltas already gave) are ignored.
 */
final class ResponsesStreamDecoder extends EndMarkedStreamDecoder<SseEvent> {

    private final ToolCallAccumulator toolCalls;
    private boolean calledFunctions;

    ResponsesStreamDecoder(String provider, AnswerLimits limits) {
        super(StreamJson.events(provider));
        this.toolCalls = new ToolCallAccumulator(limits.heldArguments(provider));
    }

    @Override
    protected List<ProviderChunk> decodeBeforeEnd(SseEvent event) {
        JsonNode data = json().parse(event.data());
        return switch (text(data.path("type"))) {
            case "response.output_text.delta", "response.refusal.delta" -> {
                String delta = text(data.path("delta"));
                yield delta.isEmpty() ? List.of() : List.of(ProviderChunk.text(delta));
            }
            case "response.reasoning_summary_text.delta" -> {
                String delta = text(data.path("delta"));
                yield delta.isEmpty() ? List.of() : List.of(ProviderChunk.reasoning(delta));
            }
            case "response.reasoning_summary_part.added" -> data.path("summary_index").asInt(0) > 0
                    ? List.of(ProviderChunk.reasoning("\n\n")) : List.of();
            case "response.output_item.added" -> {
                functionCall(data.path("output_index").asInt(0), data.path("item"));
                yield List.of();
            }
            case "response.function_call_arguments.delta" -> {
                toolCalls.add(data.path("output_index").asInt(0), null, null, text(data.path("delta")));
                yield List.of();
            }
            case "response.output_item.done" -> {
                OpaqueReasoning token = ReasoningItems.token(data.path("item"));
                yield token == null ? List.of() : List.of(ProviderChunk.opaqueReasoning(token));
            }
            case "response.completed" -> finished(calledFunctions ? "tool_calls" : "stop", data.path("response"));
            case "response.incomplete" -> finished(incompleteReason(data.path("response")), data.path("response"));
            case "response.failed" -> throw failed(data.path("response"));
            case "error" -> throw streamError(data);
            default -> List.of();
        };
    }

    private void functionCall(int outputIndex, JsonNode item) {
        if ("function_call".equals(text(item.path("type")))) {
            calledFunctions = true;
            toolCalls.add(outputIndex, item.path("call_id").stringValue(null), item.path("name").stringValue(null),
                    item.path("arguments").stringValue(null));
        }
    }

    private List<ProviderChunk> finished(String finishReason, JsonNode response) {
        end();
        List<ProviderChunk> chunks = new ArrayList<>(toolCalls.drain());
        chunks.add(ProviderChunk.finish(finishReason, OpenAiUsage.RESPONSES.read(response.path("usage"))));
        return chunks;
    }

    private static String incompleteReason(JsonNode response) {
        String reason = text(response.path("incomplete_details").path("reason"));
        return switch (reason) {
            case "max_output_tokens" -> "length";
            case "" -> "incomplete";
            default -> reason;
        };
    }

    /** An error reported in the stream; a server error may be retried if nothing reached the caller yet. */
    /** A failed response: its error, or, when it gives none, its status (a transient failure, as a server error is). */
    private ProviderException failed(JsonNode response) {
        JsonNode error = response.path("error");
        if (error.isObject()) {
            return streamError(error);
        }
        return json().reportedError(null, "the response failed without an error object (status "
                + response.path("status").asString("unknown") + ")", response, true);
    }

    private ProviderException streamError(JsonNode error) {
        String code = error.path("code").stringValue(null);
        return json().reportedError(code, error.path("message").stringValue(null), error, "server_error".equals(code));
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.stringValue() : "";
    }
}
