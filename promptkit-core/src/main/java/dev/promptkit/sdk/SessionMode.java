/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

/**
 * How a {@link Conversation} talks to its model: {@link #UNARY}, one request and answer per turn
 * ({@code send}, {@code stream}), or {@link #DUPLEX}, one live bidirectional session ({@code sendText},
 * {@code sendChunk}, {@code response()}), opened with {@code openDuplex}.
 *
 * @since 0.1.0
 */
public enum SessionMode {
    UNARY, DUPLEX;

    /** The mode's name as error messages show it. */
    String label() {
        return this == UNARY ? "unary" : "duplex";
    }
}
