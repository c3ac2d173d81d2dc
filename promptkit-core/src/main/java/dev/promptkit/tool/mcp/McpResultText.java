/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import io.modelcontextprotocol.spec.McpSchema.AudioContent;
import io.modelcontextprotocol.spec.McpSchema.BlobResourceContents;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.EmbeddedResource;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.ResourceContents;
import io.modelcontextprotocol.spec.McpSchema.ResourceLink;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The text a model is shown for a {@code tools/call} result: the structured content as JSON when the
 * server sent any, otherwise the content blocks one per line, text as it is, text resources with
 * their URI, and binary content (images, audio, blobs) as a short description.
 */
final class McpResultText {

    private static final JsonMapper JSON = JsonMapper.shared();

    private McpResultText() {
    }

    static String of(CallToolResult result) {
        if (result.structuredContent() != null) {
            return JSON.writeValueAsString(result.structuredContent());
        }
        return contentText(result.content());
    }

    /** What a result flagged {@code isError} says went wrong. */
    static String errorOf(CallToolResult result) {
        String text = of(result);
        return text.isBlank() ? "the server reported an error without a message" : text;
    }

    private static String contentText(List<Content> content) {
        if (content == null) {
            return "";
        }
        return content.stream().map(McpResultText::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(Content content) {
        if (content instanceof TextContent text) {
            return text.text();
        }
        if (content instanceof ImageContent image) {
            return "[image: " + image.mimeType() + ", " + decodedSize(image.data()) + " bytes]";
        }
        if (content instanceof AudioContent audio) {
            return "[audio: " + audio.mimeType() + ", " + decodedSize(audio.data()) + " bytes]";
        }
        if (content instanceof EmbeddedResource embedded) {
            return describe(embedded.resource());
        }
        if (content instanceof ResourceLink link) {
            return "[resource link: " + link.name() + " <" + link.uri() + ">" + mimeType(link.mimeType()) + "]";
        }
        return "[" + content.type() + " content]";
    }

    private static String describe(ResourceContents resource) {
        String header = "[resource: " + resource.uri() + mimeType(resource.mimeType());
        if (resource instanceof TextResourceContents text) {
            return header + "]\n" + text.text();
        }
        if (resource instanceof BlobResourceContents blob) {
            return header + ", " + decodedSize(blob.blob()) + " bytes]";
        }
        return header + "]";
    }

    private static String mimeType(String mimeType) {
        return mimeType == null ? "" : " (" + mimeType + ")";
    }

    private static long decodedSize(String base64) {
        if (base64 == null) {
            return 0;
        }
        int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
        return base64.length() / 4L * 3 - padding;
    }
}
