/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * One part of a multimodal message: text, or media of some kind.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContentPart(
        @JsonProperty("type") Type type,
        @JsonProperty("text") String text,
        @JsonProperty("media") MediaContent media) {

    /** The kinds of part, serialised in lower case. */
    public enum Type {
        TEXT, IMAGE, AUDIO, VIDEO, DOCUMENT;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @JsonCreator
        public static Type fromWireName(String name) {
            return Type.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public static ContentPart text(String text) {
        return new ContentPart(Type.TEXT, text, null);
    }

    public static ContentPart image(MediaContent media) {
        return new ContentPart(Type.IMAGE, null, media);
    }

    public static ContentPart audio(MediaContent media) {
        return new ContentPart(Type.AUDIO, null, media);
    }

    public static ContentPart video(MediaContent media) {
        return new ContentPart(Type.VIDEO, null, media);
    }

    public static ContentPart document(MediaContent media) {
        return new ContentPart(Type.DOCUMENT, null, media);
    }

    public boolean isText() {
        return type == Type.TEXT;
    }

    /** The text of the text parts among {@code parts}, joined in order with nothing between them. */
    public static String joinedText(List<ContentPart> parts) {
        StringBuilder text = new StringBuilder();
        for (ContentPart part : parts) {
            if (part.isText() && part.text() != null) {
                text.append(part.text());
            }
        }
        return text.toString();
    }
}
