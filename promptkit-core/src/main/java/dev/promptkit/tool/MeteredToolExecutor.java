/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import dev.promptkit.types.CostInfo;
import dev.promptkit.types.ToolCall;
import reactor.core.publisher.Mono;

/**
 * A {@link ToolExecutor} whose answer has a cost of its own, for example a tool that runs another prompt of the pack
 * (an agent tool): the cost is kept on the tool message and counted into the turn's cost and tokens.
 *
 * @since 0.1.0
 */
public interface MeteredToolExecutor extends ToolExecutor {

    /** The result the model is shown, and what producing it cost. */
    Mono<MeteredAnswer> answer(ToolCall call, ToolContext context);

    @Override
    default Mono<String> execute(ToolCall call, ToolContext context) {
        return answer(call, context).map(MeteredAnswer::content);
    }

    /**
     * A metered tool's answer.
     *
     * @param content the result the model is shown (JSON or text)
     * @param cost the tokens and money spent producing it
     */
    record MeteredAnswer(String content, CostInfo cost) {
    }
}
