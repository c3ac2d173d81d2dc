/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

/**
 * Why a call was refused a slot under its provider's {@link ConcurrencyPolicy}.
 *
 * @since 0.1.0
 */
public enum RejectionReason {
    /** Every slot was taken and the wait queue was full (or waiting is disabled). */
    QUEUE_FULL,
    /** The call waited {@link ConcurrencyPolicy#maxWait()} without a slot freeing. */
    WAIT_TIMEOUT
}
