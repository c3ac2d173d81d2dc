/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.validation.PromptValidator;
import dev.promptkit.validation.ValidationPolicy;
import java.util.List;

/**
 * Runs the prompt's output validators on the turn's final answer, the assistant message that ends the tool
 * loop, and attaches their results to it. Answers that ask for tools are passed on unjudged, and so is an
 * answer the {@link StreamValidationStage} stopped (it already carries its violation). A failure that must
 * fail the turn (see {@link ValidationPolicy}) ends it with a
 * {@link dev.promptkit.validation.ValidationException}, so nothing is stored.
 *
 * @since 0.1.0
 */
public final class OutputValidationStage extends ValidationStage {

    public static final String NAME = "output_validation";

    /** @param validators the validators that judge output, already filtered by the policy */
    public OutputValidationStage(List<PromptValidator> validators, ValidationPolicy policy) {
        super(NAME, validators, policy, OutputValidationStage::isFinalAnswer);
    }

    private static boolean isFinalAnswer(StreamElement element) {
        if (!isMessageFrom(element, Role.ASSISTANT)) {
            return false;
        }
        Message message = element.message();
        return !message.hasToolCalls()
                && !StreamValidationStage.FINISH_REASON.equals(message.finishReason());
    }
}
