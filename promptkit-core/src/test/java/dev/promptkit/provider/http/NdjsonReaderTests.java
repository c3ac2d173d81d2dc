/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import static dev.promptkit.provider.http.SseEventReaderTests.buffers;
import static dev.promptkit.provider.http.SseEventReaderTests.bytes;
import static dev.promptkit.provider.http.SseEventReaderTests.singleBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class NdjsonReaderTests {

    private final NdjsonReader reader = new NdjsonReader();

    @Test
    void readsOneValuePerLineSkippingBlankLinesAndKeepingAnUnterminatedLastLine() {
        StepVerifier.create(reader.read(buffers(bytes("{\"a\":1}\n\n{\"b\":\"é\"}\r\n  \n{\"done\":true}"))))
                .expectNext("{\"a\":1}", "{\"b\":\"é\"}", "{\"done\":true}")
                .verifyComplete();
    }

    @Test
    void givesTheSameLinesWhereverTheBytesAreSplit() {
        byte[] bytes = bytes("{\"message\":{\"content\":\"Zürich 🍫\"}}\n{\"done\":true}\n");
        List<String> expected = List.of("{\"message\":{\"content\":\"Zürich 🍫\"}}", "{\"done\":true}");

        for (int split = 1; split < bytes.length; split++) {
            assertThat(reader.read(buffers(Arrays.copyOfRange(bytes, 0, split),
                    Arrays.copyOfRange(bytes, split, bytes.length))).collectList().block())
                    .as("split at byte %d", split).isEqualTo(expected);
        }
        assertThat(reader.read(buffers(singleBytes(bytes))).collectList().block()).isEqualTo(expected);
    }

    @Test
    void failsOnALineLongerThanTheLimit() {
        StepVerifier.create(new NdjsonReader(8).read(buffers(bytes("{\"a\":123}\n"))))
                .verifyError(LineTooLongException.class);
    }
}
