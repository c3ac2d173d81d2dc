/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import dev.promptkit.types.ContentPart;
import dev.promptkit.types.MediaContent;
import java.net.URLConnection;
import java.util.List;

/**
 * Reads the {@code parts} of a multimodal turn: {@code {type: text, text: ...}} or
 * {@code {type: image|audio|video|document, <type>_url: {url, detail}}}, as the Go original spells them.
 * The MIME type comes from a {@code data:} URL's header or the file extension.
 */
final class MockPartParser {

    private static final List<String> PART_KEYS =
            List.of("type", "text", "image_url", "audio_url", "video_url", "document_url", "metadata");
    private static final List<String> MEDIA_KEYS = List.of("url", "detail");
    private static final String UNKNOWN_MIME_TYPE = "application/octet-stream";

    private MockPartParser() {
    }

    static ContentPart part(YamlNode node) {
        if (node.isAbsent()) {
            throw node.error("expected a mapping with a type, found nothing");
        }
        node.requireKeys(PART_KEYS);
        YamlNode type = node.get("type");
        String name = type.text();
        return switch (name) {
            case "text" -> ContentPart.text(node.get("text").text());
            case "image" -> ContentPart.image(media(node.get("image_url")));
            case "audio" -> new ContentPart(ContentPart.Type.AUDIO, null, media(node.get("audio_url")));
            case "video" -> new ContentPart(ContentPart.Type.VIDEO, null, media(node.get("video_url")));
            case "document" -> ContentPart.document(media(node.get("document_url")));
            default -> throw type.error(
                    "unknown part type '" + name + "'; expected one of: text, image, audio, video, document");
        };
    }

    private static MediaContent media(YamlNode node) {
        if (node.isAbsent()) {
            throw node.error("a mapping with a url is required");
        }
        node.requireKeys(MEDIA_KEYS);
        String url = node.get("url").text();
        return MediaContent.ofUrl(url, mimeType(url)).withDetail(node.get("detail").optionalText());
    }

    private static String mimeType(String url) {
        if (url.startsWith("data:")) {
            int end = url.indexOf(';');
            if (end < 0) {
                end = url.indexOf(',');
            }
            return end > "data:".length() ? url.substring("data:".length(), end) : UNKNOWN_MIME_TYPE;
        }
        int query = url.indexOf('?');
        String guessed = URLConnection.guessContentTypeFromName(query < 0 ? url : url.substring(0, query));
        return guessed == null ? UNKNOWN_MIME_TYPE : guessed;
    }
}
