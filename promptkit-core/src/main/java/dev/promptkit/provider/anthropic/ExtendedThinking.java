/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.anthropic;

import dev.promptkit.provider.ProviderException;
import dev.promptkit.types.Message;
import dev.promptkit.types.OpaqueReasoning;
import dev.promptkit.types.ReasoningSettings;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Claude extended thinking in a Messages API request. A reasoning budget adds
 * {@code "thinking": {"type": "enabled", "budget_tokens": n}} (at least {@value #MIN_BUDGET}); since thinking counts
 * toward {@code max_tokens}, which must exceed the budget, a request that set {@code max_tokens} at or below the
 * budget is refused, and the provider's default {@code max_tokens}, when not above the budget, is raised by it. The API refuses {@code temperature} and {@code top_k} with
 * thinking, and {@code top_p} below 0.95: those are left out. Each replayed assistant message starts with its own
 * thinking blocks, text and signature as they came ({@code redacted_thinking} as its data), which the API requires
 * of the last assistant turn while tools are being called.
 */
final class ExtendedThinking {

    /** The smallest budget the API accepts. */
    static final int MIN_BUDGET = 1024;

    private static final double MIN_TOP_P = 0.95;

    private final Integer budget;

    private ExtendedThinking(Integer budget) {
        this.budget = budget;
    }

    /**
     * Thinking as {@code settings} ask for it; a budget below {@value #MIN_BUDGET}, or not below a {@code max_tokens}
     * the request set, fails naming the provider and the limit.
     *
     * @param maxTokens the request's own {@code max_tokens}, {@code null} when the provider's default applies
     */
    static ExtendedThinking of(String provider, ReasoningSettings settings, Integer maxTokens) {
        Integer budget = settings.budgetTokens();
        if (budget != null && budget != 0 && budget < MIN_BUDGET) {
            throw ProviderException.unsupported(provider, "extended thinking needs a reasoning budget of at least "
                    + MIN_BUDGET + " tokens, the request asked for " + budget);
        }
        if (budget != null && budget > 0 && maxTokens != null && budget >= maxTokens) {
            throw ProviderException.unsupported(provider, "extended thinking's reasoning budget (" + budget
                    + " tokens) must be below max_tokens (" + maxTokens + "), which counts the thinking too; raise "
                    + "max_tokens or lower the budget");
        }
        return new ExtendedThinking(budget == null || budget == 0 ? null : budget);
    }

    boolean enabled() {
        return budget != null;
    }

    /** Adds the {@code thinking} object and fits {@code max_tokens} and the sampling fields to it. */
    void write(ObjectNode body) {
        if (!enabled()) {
            return;
        }
        body.putObject("thinking").put("type", "enabled").put("budget_tokens", budget);
        int maxTokens = body.path("max_tokens").asInt();
        if (maxTokens <= budget) {
            body.put("max_tokens", budget + maxTokens);
        }
        body.remove("temperature");
        body.remove("top_k");
        if (body.has("top_p") && body.path("top_p").asDouble() < MIN_TOP_P) {
            body.remove("top_p");
        }
    }

    /** The assistant's {@code blocks}, after its thinking blocks when thinking is on. */
    List<ObjectNode> replay(Message assistant, List<ObjectNode> blocks) {
        if (!enabled() || assistant.reasoning() == null) {
            return blocks;
        }
        List<ObjectNode> all = new ArrayList<>();
        for (OpaqueReasoning token : assistant.reasoning().opaqueOf(ThinkingBlocks.PROVIDER)) {
            ObjectNode block = JsonMapper.shared().createObjectNode();
            if (OpaqueReasoning.REDACTED_THINKING.equals(token.kind())) {
                all.add(block.put("type", "redacted_thinking").put("data", token.data()));
            }
            else if (OpaqueReasoning.THINKING_SIGNATURE.equals(token.kind())) {
                all.add(block.put("type", "thinking").put("thinking", token.text() == null ? "" : token.text())
                        .put("signature", token.data()));
            }
        }
        all.addAll(blocks);
        return all;
    }
}
