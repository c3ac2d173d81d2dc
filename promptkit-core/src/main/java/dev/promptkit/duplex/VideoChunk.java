/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.duplex;

/**
 * A piece of encoded video (for example a fragment of {@code video/mp4} or {@code video/webm}) as a
 * client recorded it, taken at {@code timestampMillis}. Realtime models take video as image frames; a
 * {@link DuplexSession} that cannot take encoded video rejects it (see {@link DuplexSession#sendVideo}).
 * The array is not copied: do not change it after.
 *
 * @since 0.1.0
 */
public record VideoChunk(byte[] data, String mimeType, long timestampMillis) {

    public VideoChunk {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("a video chunk needs data");
        }
        if (mimeType == null || mimeType.isBlank()) {
            throw new IllegalArgumentException("a video chunk needs a MIME type");
        }
    }
}
