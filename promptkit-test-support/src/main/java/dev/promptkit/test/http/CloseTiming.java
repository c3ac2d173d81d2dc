/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test.http;

/**
 * When the {@link LoopbackHttpServer} ends a kept-alive connection it has decided to drop (idle for too long,
 * one idle connection too many, or its last allowed request served without saying so).
 */
public enum CloseTiming {
    /**
     * At once, as real servers do. Whether the client notices before it reuses the connection depends on timing,
     * as in the world.
     */
    AT_ONCE,
    /**
     * As the client's next request on the connection arrives: the request is read and gets no byte of answer.
     * This is the outcome of the race between a server's close and a client's reuse, made certain, so that a
     * test can count it.
     */
    AS_NEXT_REQUEST_ARRIVES
}
