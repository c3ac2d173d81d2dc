/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

/**
 * One dispatched Server-Sent Event.
 *
 * @param event the event type; {@code message} when the stream named none, as the WHATWG rules say
 * @param data the data lines of the event joined with {@code \n}
 * @param id the last event id seen on the stream so far, or {@code null}
 *
 * @since 0.1.0
 */
public record SseEvent(String event, String data, String id) {

    /** The event type of an event whose stream named none. */
    public static final String DEFAULT_EVENT = "message";
}
