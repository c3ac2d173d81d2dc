/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

import dev.promptkit.types.MediaContent;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The format names of a media part as packs spell them in {@code allowed_formats} ({@code jpeg}, {@code png},
 * {@code mp3}, {@code wav}, {@code mov}, {@code pdf}, {@code docx}, ...), found from its MIME type and the
 * extension of its file or URL. Spelling variants are folded together: {@code jpg} is {@code jpeg},
 * {@code audio/x-wav} is {@code wav}, {@code video/quicktime} is {@code mov}.
 */
final class MediaFormats {

    /** MIME types whose format name is not their subtype. */
    private static final Map<String, String> BY_MIME_TYPE = Map.ofEntries(
            Map.entry("audio/mpeg", "mp3"), Map.entry("audio/x-wav", "wav"), Map.entry("audio/wave", "wav"),
            Map.entry("audio/vnd.wave", "wav"), Map.entry("audio/x-flac", "flac"), Map.entry("audio/mp4", "m4a"),
            Map.entry("audio/x-m4a", "m4a"), Map.entry("audio/x-aac", "aac"), Map.entry("video/quicktime", "mov"),
            Map.entry("video/x-msvideo", "avi"), Map.entry("video/x-matroska", "mkv"),
            Map.entry("image/svg+xml", "svg"), Map.entry("image/x-ms-bmp", "bmp"), Map.entry("image/pjpeg", "jpeg"),
            Map.entry("text/plain", "txt"), Map.entry("text/markdown", "md"), Map.entry("application/msword", "doc"),
            Map.entry("application/vnd.ms-excel", "xls"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", "ods"));

    /** Other spellings of one format, in subtypes, extensions and packs alike. */
    private static final Map<String, String> ALIASES = Map.of("jpg", "jpeg", "jpe", "jpeg", "tif", "tiff",
            "wave", "wav", "oga", "ogg", "markdown", "md", "text", "txt");

    private MediaFormats() {
    }

    /** The part's format names: from its MIME type and its extension; empty when neither says. */
    static Set<String> of(MediaContent media) {
        Set<String> names = new LinkedHashSet<>();
        String mimeType = MediaPayload.mimeType(media);
        if (mimeType != null) {
            names.add(ofMimeType(mimeType));
        }
        String extension = extension(media.filePath() != null ? media.filePath() : urlPath(media.url()));
        if (extension != null) {
            names.add(normalized(extension));
        }
        return names;
    }

    /** A format name as a pack may spell it, in the form {@link #of} gives. */
    static String normalized(String format) {
        String name = format.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith(".")) {
            name = name.substring(1);
        }
        return ALIASES.getOrDefault(name, name);
    }

    private static String ofMimeType(String mimeType) {
        String type = mimeType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        type = (parameters < 0 ? type : type.substring(0, parameters)).trim();
        String known = BY_MIME_TYPE.get(type);
        if (known != null) {
            return known;
        }
        int slash = type.indexOf('/');
        return normalized(slash < 0 ? type : type.substring(slash + 1));
    }

    /** The path of an http(s) or file URL; {@code null} for a data URL or one that does not parse. */
    private static String urlPath(String url) {
        if (url == null || DataUrl.parse(url).isPresent()) {
            return null;
        }
        try {
            return URI.create(url.trim()).getPath();
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static String extension(String path) {
        if (path == null) {
            return null;
        }
        int dot = path.lastIndexOf('.');
        int separator = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return dot > separator + 1 && dot < path.length() - 1 ? path.substring(dot + 1) : null;
    }
}
