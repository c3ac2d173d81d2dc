/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import dev.promptkit.types.ContentPart;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One scripted answer of the mock provider: text, the tool calls to request, and for multimodal turns the
 * content parts. The provider streams {@link #responseText()}, then the media parts, then the tool calls.
 *
 * @param type the kind of turn, as the script declared or implied it
 * @param content the text of the answer, possibly empty
 * @param toolCalls the tool calls to request, in order
 * @param parts the content parts of a multimodal answer
 * @param reasoning the model's reasoning, streamed before the text as reasoning chunks; empty for none
 *
 * @since 0.1.0
 */
public record MockTurn(Type type, String content, List<MockToolCall> toolCalls, List<ContentPart> parts,
        String reasoning) {

    /** The kinds of turn, spelled in scripts as {@code text}, {@code tool_calls} and {@code multimodal}. */
    public enum Type {
        TEXT, TOOL_CALLS, MULTIMODAL;

        /** The name scripts use for this type. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MockTurn {
        Objects.requireNonNull(type, "type");
        content = content == null ? "" : content;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        parts = parts == null ? List.of() : List.copyOf(parts);
        reasoning = reasoning == null ? "" : reasoning;
    }

    /** A turn without reasoning. */
    public MockTurn(Type type, String content, List<MockToolCall> toolCalls, List<ContentPart> parts) {
        this(type, content, toolCalls, parts, "");
    }

    /** A plain text turn. */
    public static MockTurn ofText(String content) {
        return new MockTurn(Type.TEXT, content, List.of(), List.of());
    }

    /** The text the provider streams: the content, or when it is empty the text parts joined. */
    public String responseText() {
        return !content.isEmpty() || parts.isEmpty() ? content : ContentPart.joinedText(parts);
    }
}
