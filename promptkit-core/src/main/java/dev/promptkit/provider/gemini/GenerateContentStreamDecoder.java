/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.http.SseEvent;
import dev.promptkit.provider.http.StreamDecoder;
import dev.promptkit.provider.http.StreamJson;
import dev.promptkit.types.TokenUsage;
import dev.promptkit.types.ToolCall;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes one {@code streamGenerateContent?alt=sse} stream, in which every event is a whole
 * {@code GenerateContentResponse} and the stream simply ends (there is no end marker). Text parts are
 * emitted as they come, thought summaries ({@code thought: true}) as reasoning; each {@code functionCall} part is a complete
 * call, emitted at once, under the id Gemini gave it or one from {@link FunctionCallIds}, with its thought
 * signature (see {@link ThoughtSignatures}). The finish chunk follows when the body ends, with the last
 * {@code finishReason} (see {@link FinishReasons}) and the usage of the last event that had one. A blocked
 * prompt ({@code promptFeedback.blockReason}) or an {@code error}, in an event or as bare JSON outside the SSE
 * framing, fails the stream. Only candidate 0 is read (requests never ask for more).
 */
final class GenerateContentStreamDecoder implements StreamDecoder<SseEvent> {

    private final String provider;
    private final StreamJson json;
    private int functionCalls;
    private String finishReason;
    private TokenUsage usage = TokenUsage.NONE;

    GenerateContentStreamDecoder(String provider) {
        this.provider = provider;
        this.json = StreamJson.events(provider);
    }

    @Override
    public List<ProviderChunk> decode(SseEvent event) {
        JsonNode response = json.parse(event.data());
        if (response.path("error").isObject()) {
            throw streamError(response.get("error"));
        }
        JsonNode blockReason = response.path("promptFeedback").path("blockReason");
        if (blockReason.isString()) {
            throw new ProviderException(provider, ProviderException.Kind.BAD_REQUEST, 0, "Gemini blocked the prompt: "
                    + blockReason.stringValue(), false, null, null);
        }
        JsonNode candidate = response.path("candidates").path(0);
        List<ProviderChunk> chunks = new ArrayList<>(1);
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.path("functionCall").isObject()) {
                chunks.add(ProviderChunk.toolCall(toolCall(part)));
            }
            else if (part.path("text").isString() && !part.path("text").stringValue().isEmpty()) {
                String text = part.get("text").stringValue();
                chunks.add(part.path("thought").asBoolean(false) ? ProviderChunk.reasoning(text)
                        : ProviderChunk.text(text));
            }
        }
        if (candidate.path("finishReason").isString()) {
            finishReason = candidate.get("finishReason").stringValue();
        }
        if (response.path("usageMetadata").isObject()) {
            usage = usage(response.get("usageMetadata"));
        }
        return chunks;
    }

    @Override
    public List<ProviderChunk> finish() {
        if (finishReason == null) {
            throw json.endedEarly();
        }
        return List.of(ProviderChunk.finish(FinishReasons.translate(finishReason, functionCalls > 0), usage));
    }

    /** Google writes an error that breaks a stream off as a bare JSON object, outside the SSE framing. */
    @Override
    public void unframed(String text) {
        JsonNode error = GeminiErrorMessages.error(text);
        if (error.isObject()) {
            throw streamError(error);
        }
    }

    private ToolCall toolCall(JsonNode part) {
        JsonNode call = part.get("functionCall");
        String name = call.path("name").asString("");
        JsonNode id = call.path("id");
        String callId = id.isString() && !id.stringValue().isEmpty() ? id.stringValue()
                : FunctionCallIds.generate(functionCalls, name);
        functionCalls++;
        JsonNode args = call.path("args");
        return new ToolCall(callId, name, args.isObject() ? args : JsonMapper.shared().createObjectNode(),
                ThoughtSignatures.read(part));
    }

    /**
     * Maps Gemini usage: {@code promptTokenCount} includes the cached tokens, which are split out of the
     * input; the output counts the thoughts, which are also the reasoning tokens.
     */
    private static TokenUsage usage(JsonNode usage) {
        long prompt = usage.path("promptTokenCount").asLong(0);
        long cached = usage.path("cachedContentTokenCount").asLong(0);
        long candidates = usage.path("candidatesTokenCount").asLong(0);
        long thoughts = usage.path("thoughtsTokenCount").asLong(0);
        return new TokenUsage(Math.max(0, prompt - cached), candidates + thoughts, cached, 0, thoughts);
    }

    /** An error reported mid-stream; a transient one may be retried if nothing reached the caller yet. */
    private ProviderException streamError(JsonNode error) {
        int code = error.path("code").asInt(0);
        return json.reportedError(ProviderException.Kind.ofStatus(code), null, GeminiErrorMessages.describe(error),
                error, code != 0 && ProviderException.isRetryableStatus(code));
    }
}
