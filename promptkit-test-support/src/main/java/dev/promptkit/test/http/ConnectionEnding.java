/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test.http;

/** How the {@link LoopbackHttpServer} ends a connection it no longer wants. */
public enum ConnectionEnding {
    /** An orderly close: the client reads the end of the stream (a FIN). */
    CLOSE,
    /** An abortive close: the client's next read or write fails with "connection reset" (a RST). */
    RESET,
    /** The server stops sending (a FIN) but goes on reading until the client closes. */
    HALF_CLOSE
}
