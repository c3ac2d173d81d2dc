/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.testing;

import dev.promptkit.types.CostInfo;
import java.math.BigDecimal;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on tokens and cost in US dollars. Amounts are {@link BigDecimal}s compared by value, so
 * {@code 0.30} equals {@code 0.3}.
 *
 * <pre>{@code
 * assertThat(response.costInfo()).hasInputTokens(42).hasOutputTokens(17).hasTotalUsd(new BigDecimal("0.00059"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CostAssert extends AbstractAssert<CostAssert, CostInfo> {

    CostAssert(CostInfo actual) {
        super(actual, CostAssert.class);
    }

    /**
     * Checks the input tokens (cached ones not included).
     *
     * @param expected the count
     * @return this
     */
    public CostAssert hasInputTokens(long expected) {
        isNotNull();
        return expectTokens("input", expected, actual.inputTokens());
    }

    /**
     * Checks the output tokens.
     *
     * @param expected the count
     * @return this
     */
    public CostAssert hasOutputTokens(long expected) {
        isNotNull();
        return expectTokens("output", expected, actual.outputTokens());
    }

    /**
     * Checks that input, cached and output tokens together are at most {@code limit}.
     *
     * @param limit the most tokens allowed
     * @return this
     */
    public CostAssert usedTokensAtMost(long limit) {
        isNotNull();
        long used = actual.inputTokens() + actual.cachedTokens() + actual.outputTokens();
        if (used > limit) {
            failWithMessage("Expected at most <%s> tokens but <%s> were used: %s", limit, used, actual);
        }
        return this;
    }

    /**
     * Checks the total cost.
     *
     * @param expectedUsd the amount in US dollars
     * @return this
     */
    public CostAssert hasTotalUsd(BigDecimal expectedUsd) {
        isNotNull();
        BigDecimal total = actual.totalCostUsd();
        if (total.compareTo(expectedUsd) != 0) {
            failWithMessage("Expected a total cost of <%s> USD but it was <%s> USD", expectedUsd.toPlainString(),
                    total.toPlainString());
        }
        return this;
    }

    /**
     * Checks that the total cost is at most a budget.
     *
     * @param limitUsd the budget in US dollars
     * @return this
     */
    public CostAssert totalUsdIsAtMost(BigDecimal limitUsd) {
        isNotNull();
        BigDecimal total = actual.totalCostUsd();
        if (total.compareTo(limitUsd) > 0) {
            failWithMessage("Expected a total cost of at most <%s> USD but it was <%s> USD", limitUsd.toPlainString(),
                    total.toPlainString());
        }
        return this;
    }

    /**
     * Checks that the tokens were priced: the total cost is above zero. A model missing from the pricing table
     * costs nothing, so this catches a model name that the prices do not know.
     *
     * @return this
     */
    public CostAssert isPriced() {
        isNotNull();
        if (actual.totalCostUsd().signum() <= 0) {
            failWithMessage("Expected the tokens to be priced but the cost was zero: %s", actual);
        }
        return this;
    }

    private CostAssert expectTokens(String kind, long expected, long tokens) {
        if (tokens != expected) {
            failWithMessage("Expected <%s> %s tokens but there were <%s> in %s", expected, kind, tokens, actual);
        }
        return this;
    }
}
