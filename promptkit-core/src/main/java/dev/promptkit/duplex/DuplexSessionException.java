/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.duplex;

import dev.promptkit.PromptKitException;

/**
 * A duplex session failed: the connection broke, the upstream sent an error or closed the session, the
 * handshake was refused, or the session was misused. Names the provider when one is involved; never
 * carries an API key.
 *
 * @since 0.1.0
 */
public class DuplexSessionException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final String provider;

    public DuplexSessionException(String message) {
        this(null, message, null);
    }

    public DuplexSessionException(String message, Throwable cause) {
        this(null, message, cause);
    }

    /**
     * @param provider the name of the provider whose session failed, or {@code null}
     */
    public DuplexSessionException(String provider, String message, Throwable cause) {
        super(provider == null ? message : "Duplex session with provider '" + provider + "' failed: " + message,
                cause);
        this.provider = provider;
    }

    /** The name of the provider whose session failed, or {@code null} when none is involved. */
    public String provider() {
        return provider;
    }
}
