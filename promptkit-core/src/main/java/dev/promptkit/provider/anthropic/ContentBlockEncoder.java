/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.anthropic;

import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.http.MediaSource;
import dev.promptkit.provider.http.MediaSupport;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.MediaContent;
import dev.promptkit.types.Message;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one message into Messages API content blocks: text, {@code image} blocks (with a {@code url} or
 * {@code base64} source) and {@code document} blocks (a PDF as a {@code base64} or {@code url} source, plain text
 * as a {@code text} source) for a user, text and {@code tool_use} blocks for the assistant, a {@code tool_result}
 * block for a tool result. Blank text is left out, since the API rejects it. Audio, video, other document types
 * and uploaded files are refused by {@link #checkMedia} before anything is sent.
 */
final class ContentBlockEncoder {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String PDF = "application/pdf";
    private static final String PLAIN_TEXT = "text/plain";

    private final String provider;

    ContentBlockEncoder(String provider) {
        this.provider = provider;
    }

    /** Refuses the first media part the Messages API does not take, naming it. */
    void checkMedia(String model, List<Message> messages) {
        MediaSupport.check(provider, model, messages, ContentBlockEncoder::refusal);
    }

    List<ObjectNode> user(Message message) {
        List<ObjectNode> blocks = new ArrayList<>();
        addText(blocks, message.content());
        for (ContentPart part : message.parts()) {
            switch (part.type()) {
                case TEXT -> addText(blocks, part.text());
                case IMAGE -> blocks.add(media("image", part.media()));
                case DOCUMENT -> blocks.add(isPlainText(part) ? plainText(part.media())
                        : media("document", part.media()));
                case AUDIO, VIDEO -> throw new IllegalStateException("audio and video are refused before encoding");
            }
        }
        return blocks;
    }

    /**
     * The assistant's text, then one {@code tool_use} block per call. Arguments that are not a JSON object
     * (the model produced invalid JSON) are sent as {@code {}}: {@code input} must be an object.
     */
    List<ObjectNode> assistant(Message message) {
        List<ObjectNode> blocks = new ArrayList<>();
        addText(blocks, message.text());
        for (ToolCall call : message.toolCalls()) {
            blocks.add(JSON.createObjectNode().put("type", "tool_use").put("id", call.id()).put("name", call.name())
                    .set("input", call.argumentsObject()));
        }
        return blocks;
    }

    /** A {@code tool_result} block; a failed call sends its error as content with {@code is_error}. */
    ObjectNode toolResult(Message message) {
        ToolResult result = message.toolResult();
        if (result == null) {
            throw ProviderException.unsupported(provider, "a tool message needs the tool_result it answers");
        }
        ObjectNode block = JSON.createObjectNode().put("type", "tool_result").put("tool_use_id", result.id());
        String content = result.isError() ? result.error() : result.content();
        if (content != null && !content.isEmpty()) {
            block.put("content", content);
        }
        if (result.isError()) {
            block.put("is_error", true);
        }
        return block;
    }

    private static String refusal(ContentPart part) {
        String mimeType = MediaSupport.mimeType(part);
        return switch (part.type()) {
            case TEXT -> null;
            case IMAGE -> MediaSupport.isFileId(part) ? "the Messages API takes images as a URL or base64 data here,"
                    + " not as a file id" : null;
            case DOCUMENT -> MediaSupport.isInline(part) && (PDF.equals(mimeType) || PLAIN_TEXT.equals(mimeType))
                    || MediaSupport.isUrl(part) && (mimeType.isEmpty() || PDF.equals(mimeType)) ? null
                    : "the Messages API takes documents as base64 PDF data, plain text or the URL of a PDF";
            case AUDIO, VIDEO -> "the Messages API takes no audio or video; send text, images or documents";
        };
    }

    private static boolean isPlainText(ContentPart part) {
        return MediaSupport.isInline(part) && PLAIN_TEXT.equals(MediaSupport.mimeType(part));
    }

    /** A plain-text document: its text itself, decoded from the base64 data, as the source. */
    private static ObjectNode plainText(MediaContent media) {
        ObjectNode block = JSON.createObjectNode().put("type", "document");
        block.putObject("source").put("type", "text").put("media_type", PLAIN_TEXT)
                .put("data", new String(Base64.getMimeDecoder().decode(media.data()), StandardCharsets.UTF_8));
        return block;
    }

    private ObjectNode media(String type, MediaContent media) {
        ObjectNode block = JSON.createObjectNode().put("type", type);
        ObjectNode source = block.putObject("source");
        MediaSource bytes = MediaSource.of(provider, type, media);
        if (bytes.isUrl()) {
            source.put("type", "url").put("url", bytes.url());
        }
        else {
            source.put("type", "base64").put("media_type", bytes.mimeType()).put("data", bytes.base64());
        }
        return block;
    }

    private static void addText(List<ObjectNode> blocks, String text) {
        if (text != null && !text.isBlank()) {
            blocks.add(JSON.createObjectNode().put("type", "text").put("text", text));
        }
    }
}
