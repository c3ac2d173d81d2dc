/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.platform.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.promptkit.provider.ProviderException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;

class EventStreamReaderTests {

    private final EventStreamReader reader = new EventStreamReader("bedrock");

    @Test
    void readsAwsEmptyMessageTestVector() {
        // encoded/positive/empty_message of the AWS event stream test suite
        byte[] vector = Base64.getDecoder().decode("AAAAEAAAAAAFwkjrfZjI/w==");

        List<EventStreamMessage> messages = read(vector);

        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.headers()).isEmpty();
            assertThat(message.payload()).isEmpty();
        });
        assertThat(EventStreamFrames.message(Map.of(), new byte[0])).as("the fake writes the same bytes")
                .isEqualTo(vector);
    }

    @Test
    void readsHeadersAndPayloadOfChunksAndExceptions() {
        byte[] body = EventStreamFrames.concat(EventStreamFrames.chunk("{\"type\":\"ping\"}"),
                EventStreamFrames.exception("throttlingException", "Too many requests"));

        List<EventStreamMessage> messages = read(body);

        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).headers()).containsEntry(":event-type", "chunk")
                .containsEntry(":message-type", "event").containsEntry(":content-type", "application/json");
        assertThat(new String(messages.get(0).payload(), StandardCharsets.UTF_8)).startsWith("{\"bytes\":\"");
        assertThat(messages.get(1).header(":exception-type")).isEqualTo("throttlingException");
        assertThat(new String(messages.get(1).payload(), StandardCharsets.UTF_8))
                .isEqualTo("{\"message\":\"Too many requests\"}");
    }

    @Test
    void givesTheSameMessagesWhereverTheBytesAreSplit() {
        byte[] body = EventStreamFrames.concat(EventStreamFrames.chunk("{\"type\":\"content_block_delta\","
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Crème 🍮\"}}"), EventStreamFrames.chunk("{}"));
        List<String> whole = describe(read(body));
        assertThat(whole).hasSize(2);

        for (int split = 1; split < body.length; split++) {
            assertThat(describe(read(Arrays.copyOfRange(body, 0, split), Arrays.copyOfRange(body, split,
                    body.length)))).as("split at byte %d", split).isEqualTo(whole);
        }
        byte[][] single = new byte[body.length][];
        for (int i = 0; i < body.length; i++) {
            single[i] = new byte[] {body[i]};
        }
        assertThat(describe(read(single))).isEqualTo(whole);
    }

    @Test
    void failsOnAWrongMessageChecksum() {
        byte[] body = EventStreamFrames.chunk("{\"type\":\"ping\"}");
        body[body.length - 20] ^= 1;

        assertThat(failure(body)).hasMessageContaining("malformed event stream")
                .hasMessageContaining("message checksum does not match");
    }

    @Test
    void failsOnAWrongPreludeChecksum() {
        byte[] body = EventStreamFrames.chunk("{\"type\":\"ping\"}");
        body[9] ^= 1;

        assertThat(failure(body)).hasMessageContaining("prelude checksum does not match");
    }

    @Test
    void failsOnABodyThatEndsInsideAMessage() {
        byte[] body = EventStreamFrames.chunk("{\"type\":\"ping\"}");

        assertThat(failure(Arrays.copyOf(body, body.length - 3))).hasMessageContaining("ended inside a message");
    }

    @Test
    void failsOnAnImpossibleLength() {
        byte[] body = {0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0};

        assertThat(failure(body)).hasMessageContaining("declares 4 bytes");
    }

    @Test
    void readsHeaderValuesOfEveryType() {
        Map<String, String> expected = new LinkedHashMap<>();
        byte[] headers = {
            1, 't', 0,
            1, 'i', 4, 0, 0, 1, 0,
            1, 'u', 9, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2,
        };
        expected.put("t", "true");
        expected.put("i", "256");
        expected.put("u", "00000000-0000-0001-0000-000000000002");
        byte[] message = raw(headers);

        assertThat(read(message)).singleElement().extracting(EventStreamMessage::headers).isEqualTo(expected);
    }

    private static byte[] raw(byte[] headers) {
        int total = 12 + headers.length + 4;
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(total).putInt(total).putInt(headers.length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(buffer.array(), 0, 8);
        buffer.putInt((int) crc.getValue()).put(headers);
        crc.reset();
        crc.update(buffer.array(), 0, total - 4);
        return buffer.putInt((int) crc.getValue()).array();
    }

    private ProviderException failure(byte[] body) {
        Throwable failure = catchThrowable(() -> read(body));
        assertThat(failure).isInstanceOf(ProviderException.class);
        ProviderException provider = (ProviderException) failure;
        assertThat(provider.kind()).isEqualTo(ProviderException.Kind.INVALID_RESPONSE);
        return provider;
    }

    private List<EventStreamMessage> read(byte[]... parts) {
        List<DataBuffer> buffers = new ArrayList<>();
        for (byte[] part : parts) {
            buffers.add(DefaultDataBufferFactory.sharedInstance.wrap(part));
        }
        return reader.read(Flux.fromIterable(buffers)).collectList().block();
    }

    private static List<String> describe(List<EventStreamMessage> messages) {
        return messages.stream().map(message -> message.headers() + " "
                + new String(message.payload(), StandardCharsets.UTF_8)).toList();
    }
}
