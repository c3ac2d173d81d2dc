/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class SseEventReaderTests {

    private final SseEventReader reader = new SseEventReader();

    @Test
    void readsTheWhatwgExampleWithCommentsIdsAndAnUnterminatedLastEvent() {
        String stream = ": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event";

        assertThat(read(stream)).containsExactly(new SseEvent("message", "first event", "1"),
                new SseEvent("message", "second event", ""));
    }

    @Test
    void joinsDataLinesAndDispatchesEmptyDataButNotEventsWithoutData() {
        String stream = "data: YHOO\ndata: +2\ndata: 10\n\ndata\n\ndata\ndata\n\nevent: ping\n\nid: 7\n\n";

        assertThat(read(stream)).containsExactly(new SseEvent("message", "YHOO\n+2\n10", null),
                new SseEvent("message", "", null), new SseEvent("message", "\n", null));
    }

    @Test
    void keepsEventNamesForOneEventOnlyAndIgnoresRetryAndUnknownFields() {
        String stream = "event: message_start\nretry: 10\nfoo: bar\ndata: {\"a\":1}\n\ndata: plain\n\n";

        assertThat(read(stream)).containsExactly(new SseEvent("message_start", "{\"a\":1}", null),
                new SseEvent("message", "plain", null));
    }

    @Test
    void handsEachRunOfLinesOutsideTheFramingToItsReaderAtABlankLineOrTheEnd() {
        List<String> unframed = new ArrayList<>();
        String stream = "data: one\n\n{\n  \"error\": {\"code\": 500}\n}\n\nretry: 10\n: comment\ndata: two\n\n"
                + "[{\"error\": {}}]";

        List<SseEvent> events = reader.read(buffers(bytes(stream)), unframed::add).collectList().block();

        assertThat(events).extracting(SseEvent::data).containsExactly("one", "two");
        assertThat(unframed).containsExactly("{\n  \"error\": {\"code\": 500}\n}\n", "[{\"error\": {}}]\n");
    }

    @Test
    void failsTheStreamWithWhatTheReaderOfUnframedTextThrows() {
        StepVerifier.create(reader.read(buffers(bytes("data: one\n\n{\"error\": 1}\n\ndata: two\n\n")), text -> {
            throw new IllegalStateException("error: " + text.strip());
        }))
                .expectNext(new SseEvent("message", "one", null))
                .verifyErrorMessage("error: {\"error\": 1}");
    }

    @Test
    void acceptsCrLfAndCrLineEndingsAndSkipsAByteOrderMark() {
        String stream = "\uFEFFdata: one\r\n\r\ndata: two\r\rdata: three\n\n";

        assertThat(read(stream)).extracting(SseEvent::data).containsExactly("one", "two", "three");
    }

    @Test
    void givesTheSameEventsWhereverTheBytesAreSplit() {
        byte[] bytes = "data: Crème 🍮\r\n\r\nevent: x\rdata: 寿司\r\rdata: end\n\n".getBytes(StandardCharsets.UTF_8);
        List<SseEvent> whole = read(bytes);
        assertThat(whole).extracting(SseEvent::data).containsExactly("Crème 🍮", "寿司", "end");

        for (int split = 1; split < bytes.length; split++) {
            assertThat(read(Arrays.copyOfRange(bytes, 0, split), Arrays.copyOfRange(bytes, split, bytes.length)))
                    .as("split at byte %d", split).isEqualTo(whole);
        }
        assertThat(read(singleBytes(bytes))).isEqualTo(whole);
    }

    @Test
    void failsOnALineLongerThanTheLimit() {
        SseEventReader small = new SseEventReader(16);

        StepVerifier.create(small.read(buffers(bytes("data: 0123456789\n\n"))))
                .expectNext(new SseEvent("message", "0123456789", null)).verifyComplete();
        StepVerifier.create(small.read(buffers(bytes("data: 01234567890\n\n"))))
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(LineTooLongException.class)
                        .hasMessageContaining("16 bytes"));
    }

    @Test
    void enforcesTheLimitOnLinesSplitAcrossBuffers() {
        SseEventReader small = new SseEventReader(16);

        StepVerifier.create(small.read(buffers(singleBytes(bytes("data: 0123456789\r\n\r\n")))))
                .expectNext(new SseEvent("message", "0123456789", null)).verifyComplete();
        StepVerifier.create(small.read(buffers(singleBytes(bytes("data: 01234567890\n\n")))))
                .verifyError(LineTooLongException.class);
    }

    @Test
    void readsABufferMadeOfSeveralPartsThatSplitACharacter() {
        NettyDataBufferFactory factory = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);
        byte[] bytes = bytes("data: 寿司\r\n\r\ndata: 🍮\n\n");
        CompositeByteBuf parts = factory.getByteBufAllocator().compositeBuffer();
        // split inside 寿, between CR and LF, and inside 🍮
        int[] splits = { 0, 8, 13, 24, bytes.length };
        for (int i = 0; i + 1 < splits.length; i++) {
            parts.addComponent(true, Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, splits[i], splits[i + 1])));
        }

        assertThat(reader.read(Flux.just(factory.wrap(parts))).collectList().block())
                .extracting(SseEvent::data).containsExactly("寿司", "🍮");
        assertThat(parts.refCnt()).isZero();
    }

    @Test
    void releasesEveryBufferItReads() {
        NettyDataBufferFactory factory = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);
        List<NettyDataBuffer> sent = new ArrayList<>();
        for (String part : List.of("data: a", "\n\ndata:", " b\n\n")) {
            sent.add(factory.wrap(factory.getByteBufAllocator().buffer().writeBytes(bytes(part))));
        }

        StepVerifier.create(reader.read(Flux.fromIterable(sent))).expectNextCount(2).verifyComplete();

        assertThat(sent).allSatisfy(buffer -> assertThat(buffer.getNativeBuffer().refCnt()).isZero());
    }

    private List<SseEvent> read(String stream) {
        return read(bytes(stream));
    }

    private List<SseEvent> read(byte[]... parts) {
        return reader.read(buffers(parts)).collectList().block();
    }

    static Flux<DataBuffer> buffers(byte[]... parts) {
        return Flux.fromArray(parts).map(DefaultDataBufferFactory.sharedInstance::wrap);
    }

    static byte[][] singleBytes(byte[] bytes) {
        byte[][] parts = new byte[bytes.length][];
        for (int i = 0; i < bytes.length; i++) {
            parts[i] = new byte[] { bytes[i] };
        }
        return parts;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
