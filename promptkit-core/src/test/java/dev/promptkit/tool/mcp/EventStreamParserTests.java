/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.tool.mcp.EventStreamParser.Event;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStreamParserTests {

    @Test
    void readsTheEndpointThenMessagesWithTheDefaultTypeAndJoinedDataLines() {
        assertThat(parse(1 << 10, "event: endpoint\ndata: /message?sessionId=1\n\n: keep-alive\n\n"
                + "data:{\"a\":\ndata: 1}\nid: 7\nretry: 10\nunknown: x\n\nevent: message\ndata: last\n\n"))
                .containsExactly(new Event("endpoint", "/message?sessionId=1"), new Event("message", "{\"a\":\n1}"),
                        new Event("message", "last"));
    }

    @Test
    void takesAnyLineEndingAndLinesSplitAnywhereInsideACharacterToo() {
        String stream = "event: message\r\ndata: caf\u00e9 \u2713\r\rdata: two\n\n";
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        EventStreamParser parser = new EventStreamParser(1 << 10);
        List<Event> events = new ArrayList<>();
        for (byte b : bytes) {
            events.addAll(parser.feed(Unpooled.wrappedBuffer(new byte[] { b })));
        }

        assertThat(events).containsExactly(new Event("message", "caf\u00e9 \u2713"), new Event("message", "two"));
    }

    @Test
    void anEventWithoutDataIsNotDispatchedAndAnUnfinishedOneIsKept() {
        assertThat(parse(1 << 10, "event: endpoint\n\ndata: half")).isEmpty();
    }

    @Test
    void anEventOverTheLimitFailsInsteadOfGrowing() {
        assertThatThrownBy(() -> parse(16, "data: 0123456789\ndata: 0123456789\n\n"))
                .isInstanceOf(EventStreamParser.EventTooLargeException.class)
                .hasMessage("an event of more than 16 bytes");
    }

    private static List<Event> parse(int maxEventBytes, String stream) {
        return new EventStreamParser(maxEventBytes).feed(Unpooled.copiedBuffer(stream, StandardCharsets.UTF_8));
    }
}
