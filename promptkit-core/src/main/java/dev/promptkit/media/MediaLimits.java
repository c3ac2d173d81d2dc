/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

import dev.promptkit.pack.AudioConfig;
import dev.promptkit.pack.DocumentConfig;
import dev.promptkit.pack.ImageConfig;
import dev.promptkit.pack.MediaConfig;
import dev.promptkit.pack.VideoConfig;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.MediaContent;
import dev.promptkit.types.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limits of a prompt's {@code media} section, checked on the parts of a message: {@code enabled: false} with
 * media attached, {@code supported_types}, and per type {@code allowed_formats} (by MIME type or extension),
 * {@code max_size_mb}, {@code max_images_per_msg}, {@code require_caption}, {@code max_duration_sec} and
 * {@code max_pages}. What cannot be measured here is not enforced: the size of media behind an http(s) URL (the
 * provider fetches it), the duration of audio other than WAV and of video, the pages of a PDF that keeps its page
 * tree compressed (see {@link PdfPageCount}) and {@code require_metadata} (a part carries no title or description).
 * One MB is 1,048,576 bytes. Thread-safe.
 *
 * @since 0.1.0
 */
public final class MediaLimits {

    private static final Logger log = LoggerFactory.getLogger(MediaLimits.class);

    private static final long MEGABYTE = 1024 * 1024;

    private final MediaConfig config;
    private final Map<ContentPart.Type, TypeLimits> limits = new EnumMap<>(ContentPart.Type.class);

    public MediaLimits(MediaConfig config) {
        this.config = config;
        for (ContentPart.Type type : ContentPart.Type.values()) {
            limits.put(type, TypeLimits.of(config, type));
        }
    }

    /**
     * Checks every media part of {@code message}; reads files and inline data, so call it off event-loop threads.
     *
     * @throws MediaValidationException naming the first limit broken, the value and the part
     */
    public void check(Message message) {
        List<ContentPart> parts = message.parts();
        for (int index = 0; index < parts.size(); index++) {
            checkAccepted(parts.get(index), index);
        }
        checkImageCount(parts);
        for (int index = 0; index < parts.size(); index++) {
            ContentPart part = parts.get(index);
            if (!part.isText() && part.media() != null) {
                checkPart(part.media(), index, limits.get(part.type()), where(part, index));
            }
        }
    }

    private void checkAccepted(ContentPart part, int index) {
        if (part.isText()) {
            return;
        }
        String type = part.type().wireName();
        if (!config.enabled()) {
            throw failure("media.enabled", index, where(part, index) + " cannot be sent: the pack's media.enabled is"
                    + " false", type, false);
        }
        if (!config.supportedTypes().isEmpty() && !config.supportedTypes().contains(type)) {
            throw failure("media.supported_types", index, where(part, index) + " cannot be sent: the pack's"
                    + " media.supported_types is " + config.supportedTypes(), type, config.supportedTypes());
        }
    }

    private void checkImageCount(List<ContentPart> parts) {
        Integer max = limits.get(ContentPart.Type.IMAGE).maxPerMessage();
        if (max == null) {
            return;
        }
        List<Integer> images = IntStream.range(0, parts.size())
                .filter(index -> parts.get(index).type() == ContentPart.Type.IMAGE).boxed().toList();
        if (images.size() > max) {
            throw failure("media.image.max_images_per_msg", images.get(max), "the message has " + images.size()
                    + " images; the pack's media.image.max_images_per_msg is " + max, images.size(), max);
        }
    }

    private void checkPart(MediaContent media, int index, TypeLimits type, String where) {
        Set<String> formats = MediaFormats.of(media);
        if (!type.allowedFormats().isEmpty()) {
            checkFormat(media, index, type, where, formats);
        }
        if (type.requireCaption() && (media.caption() == null || media.caption().isBlank())) {
            throw failure(type.key("require_caption"), index, where + " has no caption; the pack's "
                    + type.key("require_caption") + " is true", "", true);
        }
        try {
            if (type.maxSizeMb() != null) {
                checkSize(media, index, type, where);
            }
            if (type.maxDurationSec() != null && formats.contains("wav")) {
                checkDuration(media, index, type, where);
            }
            if (type.maxPages() != null && formats.contains("pdf")) {
                checkPages(media, index, type, where);
            }
        }
        catch (IOException | IllegalArgumentException ex) {
            log.debug("The media limits of {} are not checked: it cannot be read ({})", where, ex.toString());
        }
    }

    private static void checkFormat(MediaContent media, int index, TypeLimits type, String where,
            Set<String> formats) {
        String limit = type.key("allowed_formats");
        if (formats.isEmpty()) {
            throw failure(limit, index, where + " has no MIME type or file extension to tell its format by; the pack's "
                    + limit + " is " + type.allowedFormats(), "unknown", type.allowedFormats());
        }
        Set<String> allowed = type.allowedFormats().stream().map(MediaFormats::normalized).collect(Collectors.toSet());
        if (formats.stream().noneMatch(allowed::contains)) {
            String mimeType = MediaPayload.mimeType(media);
            String format = mimeType != null ? mimeType : formats.iterator().next();
            throw failure(limit, index, where + " is " + format + "; the pack's " + limit + " is "
                    + type.allowedFormats(), format, type.allowedFormats());
        }
    }

    private static void checkSize(MediaContent media, int index, TypeLimits type, String where) throws IOException {
        OptionalLong size = MediaPayload.size(media);
        long max = type.maxSizeMb() * MEGABYTE;
        if (size.isPresent() && size.getAsLong() > max) {
            String limit = type.key("max_size_mb");
            throw failure(limit, index, String.format(Locale.ROOT, "%s is %.1f MB (%,d bytes); the pack's %s is %d",
                    where, size.getAsLong() / (double) MEGABYTE, size.getAsLong(), limit, type.maxSizeMb()),
                    size.getAsLong(), max);
        }
    }

    private static void checkDuration(MediaContent media, int index, TypeLimits type, String where)
            throws IOException {
        Optional<Duration> duration = MediaPayload.bytes(media).flatMap(WavDuration::of);
        if (duration.isPresent() && duration.get().compareTo(Duration.ofSeconds(type.maxDurationSec())) > 0) {
            String limit = type.key("max_duration_sec");
            double seconds = duration.get().toMillis() / 1000.0;
            throw failure(limit, index, String.format(Locale.ROOT, "%s lasts %.1f s; the pack's %s is %d", where,
                    seconds, limit, type.maxDurationSec()), seconds, type.maxDurationSec());
        }
    }

    private static void checkPages(MediaContent media, int index, TypeLimits type, String where) throws IOException {
        Optional<byte[]> bytes = MediaPayload.bytes(media);
        OptionalInt pages = bytes.isPresent() ? PdfPageCount.of(bytes.get()) : OptionalInt.empty();
        if (pages.isPresent() && pages.getAsInt() > type.maxPages()) {
            String limit = type.key("max_pages");
            throw failure(limit, index, where + " has " + pages.getAsInt() + " pages; the pack's " + limit + " is "
                    + type.maxPages(), pages.getAsInt(), type.maxPages());
        }
    }

    /** How errors name a part: its type and its position among the message's parts, from 1. */
    private static String where(ContentPart part, int index) {
        return part.type().wireName() + " " + (index + 1) + " of the message";
    }

    private static MediaValidationException failure(String limit, int index, String reason, Object value,
            Object maximum) {
        return new MediaValidationException(limit, index, reason, Map.of("limit", limit, "part_index", index,
                "value", value, "limit_value", maximum));
    }

    /** One media type's limits, from whichever record holds them; a {@code null} limit is not set. */
    private record TypeLimits(String type, Integer maxSizeMb, List<String> allowedFormats, Integer maxDurationSec,
            Integer maxPages, boolean requireCaption, Integer maxPerMessage) {

        static TypeLimits of(MediaConfig config, ContentPart.Type type) {
            String name = type.wireName();
            return switch (type) {
                case IMAGE -> config.image() == null ? none(name) : image(config.image());
                case AUDIO -> config.audio() == null ? none(name) : audio(config.audio());
                case VIDEO -> config.video() == null ? none(name) : video(config.video());
                case DOCUMENT -> config.document() == null ? none(name) : document(config.document());
                case TEXT -> none(name);
            };
        }

        private static TypeLimits image(ImageConfig image) {
            return new TypeLimits("image", image.maxSizeMb(), image.allowedFormats(), null, null,
                    image.requireCaption(), image.maxImagesPerMsg());
        }

        private static TypeLimits audio(AudioConfig audio) {
            return new TypeLimits("audio", audio.maxSizeMb(), audio.allowedFormats(), audio.maxDurationSec(),
                    null, false, null);
        }

        private static TypeLimits video(VideoConfig video) {
            return new TypeLimits("video", video.maxSizeMb(), video.allowedFormats(), video.maxDurationSec(),
                    null, false, null);
        }

        private static TypeLimits document(DocumentConfig document) {
            return new TypeLimits("document", document.maxSizeMb(), document.allowedFormats(), null,
                    document.maxPages(), false, null);
        }

        private static TypeLimits none(String type) {
            return new TypeLimits(type, null, List.of(), null, null, false, null);
        }

        /** A limit's name as the pack spells it: {@code media.image.max_size_mb}. */
        String key(String field) {
            return "media." + type + "." + field;
        }
    }
}
