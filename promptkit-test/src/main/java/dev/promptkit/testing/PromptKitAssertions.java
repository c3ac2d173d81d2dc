/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.testing;

import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Response;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.ToolCall;
import org.assertj.core.api.Assertions;

/**
 * Entry points of PromptKit's AssertJ assertions. It extends AssertJ's {@link Assertions}, so one static import of
 * {@code PromptKitAssertions.assertThat} serves PromptKit's types and everything else alike.
 *
 * <pre>{@code
 * assertThat(response).calledTool("lookup_order").hasArgument("order_id", "A-1001");
 * assertThat(response.costInfo()).hasInputTokens(120).totalUsdIsAtMost(new BigDecimal("0.002"));
 * assertThat(conversation).hasTurnCount(2).lastAnswerContains("refund");
 * }</pre>
 *
 * @since 0.1.0
 */
public class PromptKitAssertions extends Assertions {

    /** Not instantiated: use the static methods. Protected, as AssertJ's own, so that it can be extended. */
    protected PromptKitAssertions() {
    }

    /**
     * Starts assertions on the outcome of one turn.
     *
     * @param actual the response of {@code send}, {@code continueTurn} or the {@code DONE} chunk of a stream
     * @return the assertions
     */
    public static ResponseAssert assertThat(Response actual) {
        return new ResponseAssert(actual);
    }

    /**
     * Starts assertions on one tool call the model made.
     *
     * @param actual the call
     * @return the assertions
     */
    public static ToolCallAssert assertThat(ToolCall actual) {
        return new ToolCallAssert(actual);
    }

    /**
     * Starts assertions on tokens and cost.
     *
     * @param actual the cost of a turn ({@link Response#costInfo()}) or of a message
     * @return the assertions
     */
    public static CostAssert assertThat(CostInfo actual) {
        return new CostAssert(actual);
    }

    /**
     * Starts assertions on a conversation's stored history.
     *
     * @param actual the conversation
     * @return the assertions
     */
    public static ConversationAssert assertThat(Conversation actual) {
        return new ConversationAssert(actual);
    }
}
