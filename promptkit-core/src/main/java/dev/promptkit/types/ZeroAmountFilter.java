/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

import java.math.BigDecimal;

/** A {@code JsonInclude} value filter that leaves out an amount of zero, as the Go original's {@code omitempty}. */
final class ZeroAmountFilter {

    @Override
    public boolean equals(Object value) {
        return value == null || value instanceof BigDecimal amount && amount.signum() == 0;
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
