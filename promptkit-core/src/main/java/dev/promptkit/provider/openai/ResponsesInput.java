/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.http.MediaSource;
import dev.promptkit.provider.http.MediaSupport;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.MediaContent;
import dev.promptkit.types.Message;
import dev.promptkit.types.ToolCall;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stored conversation as the Responses API's {@code input} items: a system message as a {@code system} message,
 * a user message as a {@code user} message (its text as the content, or, with media, {@code input_text},
 * {@code input_image} and {@code input_file} parts), an assistant message as its reasoning items of the current turn
 * ({@link ReasoningItems}), its text as an {@code assistant} message and each of its tool calls as a
 * {@code function_call} item, and a tool result as a {@code function_call_output} item. The API takes images by URL,
 * base64 data or file id, and documents by URL, file id or as inline PDF data; it takes no audio and no video, and
 * such parts are refused by {@link MediaSupport} before anything is sent.
 */
final class ResponsesInput {

    private static final String PDF = "application/pdf";

    private final String provider;

    ResponsesInput(String provider) {
        this.provider = provider;
    }

    /** The {@code input} array of {@code messages}. */
    ArrayNode items(List<Message> messages) {
        ArrayNode input = JsonMapper.shared().createArrayNode();
        int turnStart = ReasoningItems.turnStart(messages);
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            switch (message.role()) {
                case SYSTEM -> input.addObject().put("role", "system").put("content", message.text());
                case USER -> user(input.addObject().put("role", "user"), message);
                case ASSISTANT -> assistant(input, message, i >= turnStart);
                case TOOL -> {
                    if (message.toolResult() == null) {
                        throw ProviderException.unsupported(provider, "a tool message needs the tool_result it "
                                + "answers");
                    }
                    input.addObject().put("type", "function_call_output").put("call_id", message.toolResult().id())
                            .put("output", message.toolResult().contentForModel());
                }
            }
        }
        return input;
    }

    /** What the Responses API takes of each kind of media; see the class comment. */
    static String refusal(ContentPart part) {
        return switch (part.type()) {
            case TEXT, IMAGE -> null;
            case AUDIO -> "the Responses API takes no input audio; set the provider's api to chat-completions for an"
                    + " audio model";
            case DOCUMENT -> MediaSupport.isFileId(part) || MediaSupport.isUrl(part)
                    || MediaSupport.isInline(part) && PDF.equals(MediaSupport.mimeType(part)) ? null
                    : "the Responses API takes documents as a URL, base64 PDF data or the id of an uploaded file only";
            case VIDEO -> "the Responses API takes no video; send frames of it as images";
        };
    }

    private void user(ObjectNode node, Message message) {
        if (!message.hasMedia()) {
            node.put("content", message.text());
            return;
        }
        ArrayNode parts = node.putArray("content");
        if (message.content() != null && !message.content().isEmpty()) {
            parts.addObject().put("type", "input_text").put("text", message.content());
        }
        for (ContentPart part : message.parts()) {
            switch (part.type()) {
                case TEXT -> parts.addObject().put("type", "input_text").put("text", part.text());
                case IMAGE -> image(parts.addObject().put("type", "input_image"), part);
                case DOCUMENT -> file(parts.addObject().put("type", "input_file"), part);
                case AUDIO, VIDEO -> throw new IllegalStateException("audio and video parts are refused before "
                        + "encoding");
            }
        }
    }

    private static void assistant(ArrayNode input, Message message, boolean currentTurn) {
        if (currentTurn) {
            ReasoningItems.replay(message, input);
        }
        String text = message.text();
        if (!text.isEmpty() || !message.hasToolCalls()) {
            input.addObject().put("role", "assistant").put("content", text);
        }
        if (message.hasToolCalls()) {
            for (ToolCall call : message.toolCalls()) {
                input.addObject().put("type", "function_call").put("call_id", call.id()).put("name", call.name())
                        .put("arguments", call.argumentsJson());
            }
        }
    }

    /** An {@code input_image}: by file id, else by URL or data URL; the detail is {@code auto} unless one is set. */
    private void image(ObjectNode image, ContentPart part) {
        MediaContent media = part.media();
        if (MediaSupport.isFileId(part)) {
            image.put("file_id", media.fileId());
        }
        else {
            MediaSource source = MediaSource.of(provider, "image", media);
            image.put("image_url", source.isUrl() ? source.url() : source.dataUrl());
        }
        image.put("detail", media.detail() != null ? media.detail() : "auto");
    }

    /** An {@code input_file}: by file id, by URL, else the inline PDF with its file name. */
    private void file(ObjectNode file, ContentPart part) {
        MediaContent media = part.media();
        if (MediaSupport.isFileId(part)) {
            file.put("file_id", media.fileId());
        }
        else if (MediaSupport.isUrl(part)) {
            file.put("file_url", media.url());
        }
        else {
            file.put("filename", media.filename() != null ? media.filename() : "document.pdf")
                    .put("file_data", MediaSource.of(provider, "document", media).dataUrl());
        }
    }
}
