/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

/**
 * A {@link Validator} that can also judge an answer while it streams, so that the stream stops at the first
 * violation instead of after the whole answer. It is called once per text delta with everything streamed so
 * far, and must be cheap: look only at the part of {@code text} that the new delta can have changed.
 *
 * <p>Report a violation only when the rest of the answer cannot undo it (a word at the very end of the text
 * may still grow into a longer, allowed word): the final answer is judged again by {@link #validate}.
 *
 * @since 0.1.0
 */
public interface StreamingValidator extends Validator {

    /**
     * Judges the answer so far.
     *
     * @param text everything streamed so far in this answer, the new delta included
     * @param deltaStart where the new delta starts in {@code text}
     */
    Verdict validatePartial(CharSequence text, int deltaStart);
}
