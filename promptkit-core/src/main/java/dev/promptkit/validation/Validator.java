/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

/**
 * Checks one text: the model's final answer, or the user's message for an input validator. This is the SPI
 * for validator types of your own. A {@link ValidatorFactory} turns the {@code params} a pack gives into a
 * validator once, when a conversation opens; the validator then runs on every turn, so it must be
 * thread-safe, fast and non-blocking (it runs on the thread that delivers the answer), unless it says it
 * {@link #blocks()}.
 *
 * <p>A complete validator type, {@code max_words}, with its parameter {@code max}:
 *
 * <pre>{@code
 * public final class WordLimitValidators implements ValidatorLibrary {
 *
 *     @Override
 *     public Map<String, ValidatorFactory> validators() {
 *         return Map.of("max_words", WordLimitValidators::create);
 *     }
 *
 *     private static Validator create(ValidatorParams params) {
 *         int max = params.positiveInteger("max")
 *                 .orElseThrow(() -> new IllegalArgumentException("max_words needs 'max'"));
 *         return text -> {
 *             int words = text.isBlank() ? 0 : text.trim().split("\\s+").length;
 *             return words <= max ? Verdict.PASS
 *                     : Verdict.fail(words + " words, more than the " + max + " allowed", Map.of("words", words));
 *         };
 *     }
 * }
 * }</pre>
 *
 * Make it known by listing the class in {@code META-INF/services/dev.promptkit.validation.ValidatorLibrary},
 * or register the factory on a registry you pass to the conversation:
 *
 * <pre>{@code
 * ValidatorRegistry registry = ValidatorRegistry.standard().register("max_words", WordLimitValidators::create);
 * Conversation chat = PromptKit.open(pack, "chat", ConversationOptions.builder().validatorRegistry(registry).build());
 * }</pre>
 *
 * and name it in the pack: {@code "validators": [{"type": "max_words", "fail_on_violation": true,
 * "message": "Please answer briefly.", "params": {"max": 120}}]}. A validator that can judge a partial answer
 * implements {@link StreamingValidator} as well, and then stops a streamed answer at the first violation.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Validator {

    /** Judges {@code text}; never {@code null}. */
    Verdict validate(String text);

    /**
     * Whether {@link #validate} may block (it asks a model, as an {@code llm_judge} guardrail does): the validation
     * stages then run it on a worker thread instead of the one delivering the answer.
     */
    default boolean blocks() {
        return false;
    }
}
