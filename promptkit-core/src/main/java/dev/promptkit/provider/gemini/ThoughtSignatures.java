/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import dev.promptkit.types.ToolCall;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gemini's thought signatures on function calls. A streamed {@code functionCall} part may carry a
 * {@code thoughtSignature}, which is kept in the call's {@link ToolCall#providerData()} and sent back on the
 * same part when the conversation is replayed. Models from Gemini 3 on reject a replayed step whose calls
 * carry none; when no call of a step has a known signature (another provider made them, or they were stored
 * before signatures were kept), each gets the validator-skipping signature Google documents for such calls.
 */
final class ThoughtSignatures {

    /** The part's field, and the key in {@link ToolCall#providerData()}. */
    private static final String FIELD = "thoughtSignature";

    private static final String SKIP_VALIDATOR = "skip_thought_signature_validator";

    private ThoughtSignatures() {
    }

    /** The provider data of the call in {@code part}: its signature, if it has one. */
    static Map<String, String> read(JsonNode part) {
        JsonNode signature = part.path(FIELD);
        return signature.isString() && !signature.stringValue().isEmpty() ? Map.of(FIELD, signature.stringValue())
                : Map.of();
    }

    /** Whether the replayed {@code calls} of one step need the placeholder: the model validates, none is signed. */
    static boolean needPlaceholder(List<ToolCall> calls, boolean modelValidates) {
        return modelValidates && calls.stream().noneMatch(call -> call.providerData().containsKey(FIELD));
    }

    /** Puts the call's own signature on its part, else the placeholder when asked to. */
    static void write(ObjectNode part, ToolCall call, boolean placeholder) {
        String signature = call.providerData().get(FIELD);
        if (signature != null) {
            part.put(FIELD, signature);
        }
        else if (placeholder) {
            part.put(FIELD, SKIP_VALIDATOR);
        }
    }
}
