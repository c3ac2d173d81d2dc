/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

import dev.promptkit.types.ContentPart;
import dev.promptkit.types.MediaContent;
import dev.promptkit.types.Message;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shrinks the image parts of a message with an {@link ImageResizer}. An image with its bytes at hand (inline data,
 * a base64 {@code data:} URL or a file) that breaks a limit is replaced by the resized one, as inline data (a data
 * URL stays a data URL) with its new MIME type; every other part is kept as it is, the same object.
 */
final class ImageParts {

    private static final Logger log = LoggerFactory.getLogger(ImageParts.class);

    private final ImageResizer resizer;

    ImageParts(ImageResizer resizer) {
        this.resizer = resizer;
    }

    /** Whether {@code message} has an image part. */
    static boolean any(Message message) {
        return message.parts().stream().anyMatch(part -> part.type() == ContentPart.Type.IMAGE);
    }

    /** {@code message} with its images shrunk; the same message when none needed it. */
    Message shrink(Message message) {
        List<ContentPart> parts = message.parts();
        List<ContentPart> shrunk = null;
        for (int index = 0; index < parts.size(); index++) {
            ContentPart part = parts.get(index);
            Optional<MediaContent> resized = part.type() == ContentPart.Type.IMAGE && part.media() != null
                    ? resized(part.media(), index) : Optional.empty();
            if (resized.isPresent()) {
                shrunk = shrunk != null ? shrunk : new ArrayList<>(parts);
                shrunk.set(index, new ContentPart(ContentPart.Type.IMAGE, part.text(), resized.get()));
            }
        }
        return shrunk == null ? message : message.withParts(shrunk);
    }

    private Optional<MediaContent> resized(MediaContent media, int index) {
        try {
            return MediaPayload.bytes(media).flatMap(resizer::resize)
                    .map(image -> MediaPayload.replaced(media, image.data(), image.mimeType()));
        }
        catch (IOException | IllegalArgumentException ex) {
            log.debug("Image {} of the message is sent as it is: it cannot be read ({})", index + 1, ex.toString());
            return Optional.empty();
        }
    }
}
