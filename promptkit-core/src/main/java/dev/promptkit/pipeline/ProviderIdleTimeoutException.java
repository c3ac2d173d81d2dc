/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.provider.ProviderException;
import java.time.Duration;

/**
 * The provider sent nothing for longer than the turn's idle timeout.
 *
 * @since 0.1.0
 */
public class ProviderIdleTimeoutException extends ProviderException {

    private static final long serialVersionUID = 1L;

    public ProviderIdleTimeoutException(String provider, Duration idleTimeout) {
        super(provider, Kind.TIMED_OUT, 0, "no data for " + idleTimeout.toMillis() + " ms (idle timeout)", false, null, null);
    }
}
