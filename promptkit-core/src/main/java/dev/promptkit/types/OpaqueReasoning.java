/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One provider-native reasoning token kept for replay, never displayed: a Claude {@code thinking} block's
 * {@code signature} (kind {@value #THINKING_SIGNATURE}, with the block's own thinking text, which must be sent
 * back unchanged beside it), a {@code redacted_thinking} block's encrypted {@code data} (kind
 * {@value #REDACTED_THINKING}), or an OpenAI Responses API reasoning item with its {@code encrypted_content}, as
 * JSON (kind {@value #ENCRYPTED_REASONING}).
 *
 * @param provider the provider type that made it ({@code anthropic}, {@code openai})
 * @param kind what it is
 * @param data the opaque payload
 * @param text the reasoning text the payload signs, when the provider needs it back with it
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OpaqueReasoning(
        @JsonProperty("provider") String provider,
        @JsonProperty("kind") String kind,
        @JsonProperty("data") String data,
        @JsonProperty("text") String text) {

    /** A Claude thinking block's signature. */
    public static final String THINKING_SIGNATURE = "thinking_signature";

    /** A Claude redacted thinking block. */
    public static final String REDACTED_THINKING = "redacted_thinking";

    /** An OpenAI Responses API reasoning item carrying its encrypted content. */
    public static final String ENCRYPTED_REASONING = "encrypted_reasoning";
}
