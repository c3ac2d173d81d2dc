/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import dev.promptkit.types.Message;
import dev.promptkit.types.OpaqueReasoning;
import dev.promptkit.types.ReasoningTrace;
import dev.promptkit.types.Role;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reasoning items of the Responses API, kept with the answer and sent back. Requests are not stored by OpenAI
 * ({@code store: false}), so a reasoning model's reasoning survives from one tool round to the next only if its
 * items come back as input: each completed {@code reasoning} item that carries {@code encrypted_content} becomes an
 * opaque token (kind {@value #KIND}) holding its {@code id}, {@code summary} and {@code encrypted_content} as JSON,
 * and the assistant messages of the current turn (after the last user message) send theirs back, unchanged, before
 * their text and function calls. Earlier turns' items are not sent: the API does not use them.
 */
final class ReasoningItems {

    /** The kind of the opaque tokens that hold a reasoning item. */
    static final String KIND = OpaqueReasoning.ENCRYPTED_REASONING;

    private static final String PROVIDER = OpenAiProvider.TYPE;

    private ReasoningItems() {
    }

    /** The token of a completed output item, or {@code null} when it is no reasoning item with encrypted content. */
    static OpaqueReasoning token(JsonNode item) {
        JsonNode encrypted = item.path("encrypted_content");
        if (!"reasoning".equals(item.path("type").stringValue(null)) || !encrypted.isString()) {
            return null;
        }
        ObjectNode kept = JsonMapper.shared().createObjectNode().put("type", "reasoning")
                .put("id", item.path("id").stringValue(""));
        kept.set("summary", item.path("summary").isArray() ? item.path("summary") : kept.arrayNode());
        kept.put("encrypted_content", encrypted.stringValue());
        return new OpaqueReasoning(PROVIDER, KIND, kept.toString(), null);
    }

    /** Adds the reasoning items of {@code assistant} to {@code input}. */
    static void replay(Message assistant, ArrayNode input) {
        ReasoningTrace reasoning = assistant.reasoning();
        if (reasoning == null) {
            return;
        }
        for (OpaqueReasoning token : reasoning.opaqueOf(PROVIDER)) {
            if (KIND.equals(token.kind()) && token.data() != null) {
                input.add(JsonMapper.shared().readTree(token.data()));
            }
        }
    }

    /** The index of the first message of the current turn: the one after the last user message. */
    static int turnStart(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return i + 1;
            }
        }
        return 0;
    }
}
