/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.platform.aws;

import java.util.Map;

/**
 * One message of an {@code application/vnd.amazon.eventstream} body: its headers (string-valued ones as text, the
 * others as their {@code toString()}) and its payload.
 *
 * @param headers the headers, such as {@code :message-type}, {@code :event-type} and {@code :exception-type}
 * @param payload the payload bytes
 *
 * @since 0.1.0
 */
public record EventStreamMessage(Map<String, String> headers, byte[] payload) {

    public EventStreamMessage {
        headers = Map.copyOf(headers);
    }

    /** A header's value, or {@code ""} when the message has none. */
    public String header(String name) {
        return headers.getOrDefault(name, "");
    }

    @Override
    public String toString() {
        return "EventStreamMessage[headers=" + headers + ", payload=" + payload.length + " bytes]";
    }
}
