/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.provider.AnswerLimits;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.http.SplitFixtures;
import dev.promptkit.provider.http.SseEvent;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The decoder reads all the events of its stream with one parser: a bad event must fail as it always did and
 * leave the events after it readable, and an answer must not depend on where the network split its bytes.
 */
class ChatCompletionsStreamDecoderTests {

    private static final String HELLO = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
            + "\"delta\":{\"content\":\"Hello\"},\"finish_reason\":null}],\"usage\":null}";

    private final ChatCompletionsStreamDecoder decoder = new ChatCompletionsStreamDecoder("openai",
            AnswerLimits.DEFAULT);

    @Test
    void failsOnAMalformedEventAndStillDecodesTheValidOnesAfterIt() {
        assertThat(decode(HELLO)).containsExactly(ProviderChunk.text("Hello"));

        assertThatThrownBy(() -> decode("{\"choices\":[{\"delta\":{\"content\":\"x\"}}]"))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("received a malformed stream event (not valid JSON): "
                        + "{\"choices\":[{\"delta\":{\"content\":\"x\"}}]");
        assertThatThrownBy(() -> decode("{\"choices\":[]}}")).isInstanceOf(ProviderException.class)
                .hasMessageContaining("received a malformed stream event (not valid JSON): {\"choices\":[]}}");

        assertThat(decode(HELLO)).containsExactly(ProviderChunk.text("Hello"));
        assertThat(decode(HELLO)).containsExactly(ProviderChunk.text("Hello"));
    }

    @Test
    void decodesAValidEventAfterTheSameEventCutShortAtEveryByte() {
        for (int length = 1; length < HELLO.length(); length++) {
            String cut = HELLO.substring(0, length);
            assertThatThrownBy(() -> decode(cut)).as("cut to %d chars", length).isInstanceOf(ProviderException.class)
                    .hasMessageContaining("received a malformed stream event (not valid JSON): " + cut);
            assertThat(decode(HELLO)).as("after the event cut to %d chars", length)
                    .containsExactly(ProviderChunk.text("Hello"));
        }
    }

    @Test
    void reportsAnErrorInsideTheStreamAndThenReadsOn() {
        assertThatThrownBy(() -> decode("{\"error\":{\"type\":\"server_error\",\"message\":\"boom\"}}"))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("the stream reported an error (server_error): boom");

        assertThat(decode(HELLO)).containsExactly(ProviderChunk.text("Hello"));
    }

    @Test
    void decodesMultiByteCharactersWhereverTheBytesAreSplit() {
        List<ProviderChunk> chunks = SplitFixtures.decodeSse(getClass(), "multibyte.sse",
                () -> new ChatCompletionsStreamDecoder("openai", AnswerLimits.DEFAULT));

        assertThat(chunks.stream().filter(ProviderChunk::isText).map(ProviderChunk::delta)
                .collect(Collectors.joining())).isEqualTo("Café 寿司 🍮é");
        assertThat(chunks).filteredOn(ProviderChunk::isToolCall).singleElement().satisfies(call -> {
            assertThat(call.toolCall().name()).isEqualTo("menü");
            assertThat(call.toolCall().args()).isEqualTo(JsonMapper.shared().readTree("{\"plat\":\"crème brûlée 🍮\"}"));
        });
        assertThat(chunks.get(chunks.size() - 1).finishReason()).isEqualTo("tool_calls");
        assertThat(chunks.get(chunks.size() - 1).usage().inputTokens()).isEqualTo(12);
    }

    private List<ProviderChunk> decode(String data) {
        return decoder.decode(new SseEvent(SseEvent.DEFAULT_EVENT, data, null));
    }
}
