/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A model's reasoning for one assistant message, kept beside its content, never in it: validators, the
 * message's {@link Message#text()} and exports of the answer do not see it. {@code text} is the readable
 * reasoning (Claude's thinking, an OpenAI reasoning summary, Gemini's thought summaries); {@code opaque} holds
 * what a provider needs back when the conversation is replayed to it (Claude's thinking signatures and
 * redacted thinking), never shown; {@code redacted} says the provider withheld some of it.
 *
 * <p>The JSON is the Go original's {@code types.ReasoningTrace}: {@code text}, {@code opaque}, {@code redacted},
 * each left out when empty; reasoning stored as a bare string is read as its text.
 *
 * @param text the readable reasoning, possibly empty
 * @param opaque the provider's round-trip tokens, in the order it sent them
 * @param redacted whether the provider withheld part of the reasoning
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record ReasoningTrace(
        @JsonProperty("text") String text,
        @JsonProperty("opaque") List<OpaqueReasoning> opaque,
        @JsonProperty("redacted") boolean redacted) {

    public ReasoningTrace {
        text = text == null ? "" : text;
        opaque = opaque == null ? List.of() : List.copyOf(opaque);
    }

    /** Reads the stored form, where a field left out is empty. */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static ReasoningTrace fromJson(@JsonProperty("text") String text,
            @JsonProperty("opaque") List<OpaqueReasoning> opaque, @JsonProperty("redacted") Boolean redacted) {
        return new ReasoningTrace(text, opaque, Boolean.TRUE.equals(redacted));
    }

    /** Reads reasoning stored as bare text, as earlier writers stored it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ReasoningTrace fromText(String text) {
        return new ReasoningTrace(text, null, false);
    }

    /** Whether there is nothing in it. */
    @JsonIgnore
    public boolean isEmpty() {
        return text.isEmpty() && opaque.isEmpty() && !redacted;
    }

    /** The round-trip tokens of {@code provider}, in order. */
    public List<OpaqueReasoning> opaqueOf(String provider) {
        return opaque.stream().filter(block -> provider.equals(block.provider())).toList();
    }
}
