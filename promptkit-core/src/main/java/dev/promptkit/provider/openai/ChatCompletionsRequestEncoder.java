/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.ChatCompletionsShape;
import dev.promptkit.provider.http.MediaSource;
import dev.promptkit.provider.http.MediaSupport;
import dev.promptkit.provider.http.ParameterFields;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.MediaContent;
import dev.promptkit.types.Message;
import dev.promptkit.types.ToolCall;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link ProviderRequest} as a streaming Chat Completions request body: the system prompt
 * first, then the conversation (images as {@code image_url} parts, wav and mp3 audio as {@code input_audio}
 * parts, PDF documents as {@code file} parts, assistant tool calls as {@code tool_calls}, tool results as
 * {@code tool} messages), the tools and tool choice, the sampling parameters, the reasoning effort
 * ({@code reasoning_effort}, only when one is asked, as compatible servers may not know it) and the response format.
 * {@code top_k} has no Chat Completions equivalent and is not sent. Chat Completions takes audio only inline,
 * a document only as an inline PDF (with a file name) or as the id of an uploaded file, and no video: such
 * parts are refused by {@link MediaSupport} before anything is sent.
 */
final class ChatCompletionsRequestEncoder {

    private static final String PDF = "application/pdf";

    private static final Map<String, String> AUDIO_FORMATS = Map.of("audio/wav", "wav", "audio/x-wav", "wav",
            "audio/wave", "wav", "audio/vnd.wave", "wav", "audio/mpeg", "mp3", "audio/mp3", "mp3");

    private final String provider;
    private final ParameterFields parameters;

    /**
     * @param legacyMaxTokens send the deprecated {@code max_tokens} instead of {@code max_completion_tokens},
     *        for compatible servers that only know the former
     */
    ChatCompletionsRequestEncoder(String provider, boolean legacyMaxTokens) {
        this.provider = provider;
        this.parameters = ParameterFields.builder()
                .maxTokens(legacyMaxTokens ? "max_tokens" : "max_completion_tokens").temperature("temperature")
                .topP("top_p").seed("seed").frequencyPenalty("frequency_penalty").presencePenalty("presence_penalty")
                .build();
    }

    ObjectNode encode(ProviderRequest request, String model) {
        MediaSupport.check(provider, model, request.messages(), ChatCompletionsRequestEncoder::refusal);
        ObjectNode body = ChatCompletionsShape.body(model, request, this::message);
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            request.tools().forEach(tool -> tools.add(ChatCompletionsShape.tool(tool)));
            ToolChoiceShape.CHAT_COMPLETIONS.write(body, request.toolChoice());
        }
        parameters.write(request.parameters(), body);
        if (request.parameters().reasoning().effort() != null) {
            body.put("reasoning_effort", request.parameters().reasoning().effort());
        }
        StructuredOutput.chatCompletions(body, request.responseFormat());
        return body;
    }

    private ObjectNode message(Message message) {
        ObjectNode node = JsonMapper.shared().createObjectNode();
        switch (message.role()) {
            case SYSTEM -> node.put("role", "system").put("content", message.text());
            case USER -> {
                node.put("role", "user");
                if (message.hasMedia()) {
                    node.set("content", contentParts(message));
                }
                else {
                    node.put("content", message.text());
                }
            }
            case ASSISTANT -> assistant(node, message);
            case TOOL -> {
                if (message.toolResult() == null) {
                    throw ProviderException.unsupported(provider, "a tool message needs the tool_result it answers");
                }
                node.put("role", "tool").put("tool_call_id", message.toolResult().id())
                        .put("content", message.toolResult().contentForModel());
            }
        }
        return node;
    }

    private void assistant(ObjectNode node, Message message) {
        node.put("role", "assistant");
        String text = message.text();
        if (!message.hasToolCalls()) {
            node.put("content", text);
            return;
        }
        if (!text.isEmpty()) {
            node.put("content", text);
        }
        ArrayNode calls = node.putArray("tool_calls");
        for (ToolCall call : message.toolCalls()) {
            ObjectNode function = calls.addObject().put("id", call.id()).put("type", "function").putObject("function");
            function.put("name", call.name()).put("arguments", call.argumentsJson());
        }
    }

    private ArrayNode contentParts(Message message) {
        ArrayNode parts = JsonMapper.shared().createArrayNode();
        if (message.content() != null && !message.content().isEmpty()) {
            parts.addObject().put("type", "text").put("text", message.content());
        }
        for (ContentPart part : message.parts()) {
            switch (part.type()) {
                case TEXT -> parts.addObject().put("type", "text").put("text", part.text());
                case IMAGE -> image(parts.addObject().put("type", "image_url").putObject("image_url"), part.media());
                case AUDIO -> parts.addObject().put("type", "input_audio").putObject("input_audio")
                        .put("data", part.media().data()).put("format", AUDIO_FORMATS.get(MediaSupport.mimeType(part)));
                case DOCUMENT -> file(parts.addObject().put("type", "file").putObject("file"), part);
                case VIDEO -> throw new IllegalStateException("video parts are refused before encoding");
            }
        }
        return parts;
    }

    /** What Chat Completions takes of each kind of media; see the class comment. */
    private static String refusal(ContentPart part) {
        return switch (part.type()) {
            case TEXT -> null;
            case IMAGE -> MediaSupport.isFileId(part) ? "Chat Completions takes images as a URL or base64 data, not"
                    + " as a file id" : null;
            case AUDIO -> MediaSupport.isInline(part) && AUDIO_FORMATS.containsKey(MediaSupport.mimeType(part)) ? null
                    : "Chat Completions takes input audio as base64 wav or mp3 data only";
            case DOCUMENT -> MediaSupport.isFileId(part)
                    || MediaSupport.isInline(part) && PDF.equals(MediaSupport.mimeType(part)) ? null
                    : "Chat Completions takes documents as base64 PDF data or as the id of an uploaded file only";
            case VIDEO -> "Chat Completions takes no video; send frames of it as images";
        };
    }

    private void image(ObjectNode image, MediaContent media) {
        MediaSource source = MediaSource.of(provider, "image", media);
        image.put("url", source.isUrl() ? source.url() : source.dataUrl());
        if (media.detail() != null) {
            image.put("detail", media.detail());
        }
    }

    /** A {@code file} part: an uploaded file by its id, else the inline PDF with its file name. */
    private void file(ObjectNode file, ContentPart part) {
        MediaContent media = part.media();
        if (MediaSupport.isFileId(part)) {
            file.put("file_id", media.fileId());
            return;
        }
        file.put("filename", media.filename() != null ? media.filename() : "document.pdf")
                .put("file_data", MediaSource.of(provider, "document", media).dataUrl());
    }
}
