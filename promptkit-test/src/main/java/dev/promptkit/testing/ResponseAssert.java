/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.testing;

import dev.promptkit.sdk.Response;
import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolResult;
import dev.promptkit.types.ValidationResult;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the outcome of one turn: the answer's text, the tools the model called and what they returned,
 * calls held for approval, validator results, tokens and cost.
 *
 * <pre>{@code
 * assertThat(response).textContains("refund").calledTools("lookup_order", "process_refund").hasNoPendingTools();
 * assertThat(response).calledTool("process_refund").hasArgument("amount", 40);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ResponseAssert extends AbstractAssert<ResponseAssert, Response> {

    ResponseAssert(Response actual) {
        super(actual, ResponseAssert.class);
    }

    /**
     * Checks the whole text of the final answer.
     *
     * @param expected the text
     * @return this
     */
    public ResponseAssert hasText(String expected) {
        isNotNull();
        if (!Objects.equals(actual.text(), expected)) {
            failWithMessage("Expected the answer <%s> but it was <%s>", expected, actual.text());
        }
        return this;
    }

    /**
     * Checks that the final answer contains each of the given pieces of text.
     *
     * @param pieces the text each piece must be found in
     * @return this
     */
    public ResponseAssert textContains(CharSequence... pieces) {
        isNotNull();
        for (CharSequence piece : pieces) {
            if (!actual.text().contains(piece)) {
                failWithMessage("Expected the answer to contain <%s> but it was <%s>", piece, actual.text());
            }
        }
        return this;
    }

    /**
     * Checks that a regular expression is found in the final answer.
     *
     * @param regex a Java regular expression
     * @return this
     */
    public ResponseAssert textMatches(String regex) {
        isNotNull();
        if (!Pattern.compile(regex).matcher(actual.text()).find()) {
            failWithMessage("Expected the answer to match <%s> but it was <%s>", regex, actual.text());
        }
        return this;
    }

    /**
     * Checks that the model called a tool during the turn, and moves on to that call (the first, when it called
     * the tool more than once).
     *
     * @param toolName the tool's name
     * @return assertions on the call
     */
    public ToolCallAssert calledTool(String toolName) {
        isNotNull();
        ToolCall call = actual.toolCalls().stream().filter(c -> c.name().equals(toolName)).findFirst().orElse(null);
        if (call == null) {
            failWithMessage("Expected the model to call tool <%s> but it called %s", toolName, names(actual));
        }
        return new ToolCallAssert(call);
    }

    /**
     * Checks the tools the model called during the turn: exactly these, in this order.
     *
     * @param toolNames the tool names, one per call
     * @return this
     */
    public ResponseAssert calledTools(String... toolNames) {
        isNotNull();
        if (!names(actual).equals(Arrays.asList(toolNames))) {
            failWithMessage("Expected the model to call %s but it called %s", Arrays.asList(toolNames), names(actual));
        }
        return this;
    }

    /**
     * Checks that the model called no tool during the turn.
     *
     * @return this
     */
    public ResponseAssert calledNoTools() {
        return calledTools();
    }

    /**
     * Checks that a tool ran during the turn and returned without error.
     *
     * @param toolName the tool's name
     * @return this
     */
    public ResponseAssert ranTool(String toolName) {
        isNotNull();
        ToolResult result = actual.toolResults().stream().filter(r -> toolName.equals(r.name())).findFirst()
                .orElse(null);
        if (result == null) {
            failWithMessage("Expected tool <%s> to run but the turn's tool results were %s", toolName,
                    actual.toolResults());
        }
        else if (result.isError()) {
            failWithMessage("Expected tool <%s> to succeed but it failed: %s", toolName, result.error());
        }
        return this;
    }

    /**
     * Checks that a call of this tool is held for a human's approval.
     *
     * @param toolName the tool's name
     * @return this
     */
    public ResponseAssert hasPendingTool(String toolName) {
        isNotNull();
        List<String> held = actual.pendingTools().stream().map(PendingToolCall::name).toList();
        if (!held.contains(toolName)) {
            failWithMessage("Expected a call of <%s> to wait for approval but the held calls were %s", toolName, held);
        }
        return this;
    }

    /**
     * Checks that no call waits for approval.
     *
     * @return this
     */
    public ResponseAssert hasNoPendingTools() {
        isNotNull();
        if (actual.hasPendingTools()) {
            failWithMessage("Expected no call to wait for approval but %s did",
                    actual.pendingTools().stream().map(PendingToolCall::name).toList());
        }
        return this;
    }

    /**
     * Checks that every validator of the turn passed.
     *
     * @return this
     */
    public ResponseAssert passedValidation() {
        isNotNull();
        List<ValidationResult> failed = actual.validations().stream().filter(v -> !v.passed()).toList();
        if (!failed.isEmpty()) {
            failWithMessage("Expected every validator to pass but these failed: %s", failed);
        }
        return this;
    }

    /**
     * Checks that a validator of this type ran during the turn and failed.
     *
     * @param validatorType the validator's type as the pack names it, such as {@code banned_words}
     * @return this
     */
    public ResponseAssert failedValidation(String validatorType) {
        isNotNull();
        boolean failed = actual.validations().stream()
                .anyMatch(v -> validatorType.equals(v.validatorType()) && !v.passed());
        if (!failed) {
            failWithMessage("Expected validator <%s> to fail but the turn's results were %s", validatorType,
                    actual.validations());
        }
        return this;
    }

    /**
     * Checks that the turn's input and output tokens together are at most {@code limit}.
     *
     * @param limit the most tokens allowed
     * @return this
     */
    public ResponseAssert usedTokensAtMost(long limit) {
        isNotNull();
        new CostAssert(actual.costInfo()).usedTokensAtMost(limit);
        return this;
    }

    /**
     * Checks that the turn cost at most a budget, over all its provider calls.
     *
     * @param limitUsd the budget in US dollars
     * @return this
     */
    public ResponseAssert costsAtMost(BigDecimal limitUsd) {
        isNotNull();
        new CostAssert(actual.costInfo()).totalUsdIsAtMost(limitUsd);
        return this;
    }

    /**
     * Moves on to the turn's tokens and cost.
     *
     * @return assertions on {@link Response#costInfo()}
     */
    public CostAssert cost() {
        isNotNull();
        return new CostAssert(actual.costInfo());
    }

    private static List<String> names(Response response) {
        return response.toolCalls().stream().map(ToolCall::name).toList();
    }
}
