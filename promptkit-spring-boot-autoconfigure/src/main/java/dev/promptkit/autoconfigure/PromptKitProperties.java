/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import dev.promptkit.context.Truncation;
import dev.promptkit.provider.ModelPricing;
import dev.promptkit.sdk.AgentLimits;
import dev.promptkit.types.ReasoningSettings;
import dev.promptkit.validation.ValidationMode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * PromptKit's configuration, under {@code promptkit.*}.
 *
 * @param pack the default pack's location (for example {@code classpath:support.pack.json}); when unset,
 *     every {@code *.pack.json} at the root of the class path or in its {@code packs/} folder is loaded
 * @param packs more packs by name (location per name); conversations name them in {@code open(pack, prompt)}
 * @param skipSchemaValidation load packs without checking them against the PromptPack JSON Schema
 * @param conversation defaults of every conversation
 * @param validation how the packs' validators apply
 * @param pricing model prices in USD per million tokens, over the providers' built-in tables
 *
 * @since 0.1.0
 */
@ConfigurationProperties("promptkit")
public record PromptKitProperties(String pack, @DefaultValue Map<String, String> packs,
        @DefaultValue("false") boolean skipSchemaValidation, @DefaultValue ConversationDefaults conversation,
        @DefaultValue Validation validation, @DefaultValue Map<String, Pricing> pricing) {

    /**
     * Defaults of every conversation.
     *
     * @param idleTimeout the longest wait for a provider's next chunk
     * @param toolTimeout the longest a tool call may take
     * @param maxParallelToolCalls how many tool calls of one round run at once
     * @param tokenBudget the most tokens a request may use, answer included; 0 for no budget
     * @param truncation how a request is cut to the budget: sliding (the default), summarize or fail
     *     (relevance needs an embedding provider: configure it in code)
     * @param reasoning how much reasoning models think, and whether they say what they thought
     * @param agents how deep and how costly agent tools (prompts of a pack named as tools) may delegate
     */
    public record ConversationDefaults(@DefaultValue("30s") Duration idleTimeout,
            @DefaultValue("30s") Duration toolTimeout, @DefaultValue("10") int maxParallelToolCalls,
            @DefaultValue("0") int tokenBudget, @DefaultValue("sliding") Truncation truncation,
            @DefaultValue Reasoning reasoning, @DefaultValue Agents agents) {
    }

    /**
     * Limits of agent tools: a prompt that names another prompt as a tool runs it as a sub-conversation.
     *
     * @param maxDepth how many agents deep a delegation may go (1: an agent may not call agents); at least 1
     * @param maxCostUsd the most one delegation may spend, in US dollars, before no further agent call of it
     *     starts; unset for no limit
     */
    public record Agents(@DefaultValue("3") int maxDepth, BigDecimal maxCostUsd) {

        public Agents {
            if (maxDepth < 1) {
                throw new IllegalArgumentException("promptkit.conversation.agents.max-depth is " + maxDepth
                        + "; it must be at least 1");
            }
            if (maxCostUsd != null && maxCostUsd.signum() < 0) {
                throw new IllegalArgumentException("promptkit.conversation.agents.max-cost-usd is " + maxCostUsd
                        + "; it must be at least 0 (leave it unset for no limit)");
            }
        }

        /** These limits as conversations take them. */
        public AgentLimits toLimits() {
            return new AgentLimits(maxDepth, maxCostUsd);
        }
    }

    /**
     * Reasoning settings of every conversation; unset, each provider's default applies.
     *
     * @param budgetTokens tokens to spend thinking: turns on Claude extended thinking (at least 1024) and sets
     *     Gemini's thinking budget (0 turns it off)
     * @param effort OpenAI reasoning effort: minimal, low, medium or high
     * @param summaries ask for the reasoning as text (OpenAI summaries, Gemini thought summaries)
     */
    public record Reasoning(Integer budgetTokens, String effort, Boolean summaries) {

        public Reasoning {
            if (effort != null && !ReasoningSettings.EFFORTS.contains(effort.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("promptkit.conversation.reasoning.effort is '" + effort
                        + "'; valid values: " + ReasoningSettings.EFFORTS.stream().sorted().toList());
            }
        }

        /** These settings as conversations take them. */
        public ReasoningSettings toSettings() {
            return new ReasoningSettings(budgetTokens, effort, summaries);
        }
    }

    /**
     * How the packs' validators apply.
     *
     * @param mode error (a failing validator with fail_on_violation fails the turn), warn (never fails) or disabled
     * @param strict every failing validator fails the turn (in error mode), whatever fail_on_violation says
     * @param disabled validator types switched off
     * @param replaceBuiltInTypes let a {@code ValidatorLibrary} bean replace a built-in type of the same name
     *     (without it, such a clash fails start-up)
     */
    public record Validation(@DefaultValue("error") ValidationMode mode, @DefaultValue("false") boolean strict,
            @DefaultValue List<String> disabled, @DefaultValue("false") boolean replaceBuiltInTypes) {
    }

    /**
     * A model's price in US dollars per million tokens.
     *
     * @param input per million input tokens
     * @param output per million output tokens
     * @param cachedInput per million input tokens read from the prompt cache (defaults to {@code input})
     * @param cacheWrite per million input tokens written to the prompt cache (defaults to {@code input})
     */
    public record Pricing(BigDecimal input, BigDecimal output, BigDecimal cachedInput, BigDecimal cacheWrite) {

        public Pricing {
            if (input == null || output == null) {
                throw new IllegalArgumentException("a model's price needs both input and output (USD per million "
                        + "tokens)");
            }
        }

        public ModelPricing toModelPricing() {
            return new ModelPricing(input, output, cachedInput != null ? cachedInput : input,
                    cacheWrite != null ? cacheWrite : input);
        }
    }
}
