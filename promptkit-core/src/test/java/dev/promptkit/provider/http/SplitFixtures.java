/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.ProviderChunk;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Decodes a server-sent-event fixture whole, then split in two at every byte boundary (inside lines, fields and
 * multi-byte characters), then one byte per buffer, and checks that every split gives the same chunks.
 */
public final class SplitFixtures {

    private SplitFixtures() {
    }

    /** The chunks a fresh decoder from {@code decoders} makes of the fixture, the same at every split. */
    public static List<ProviderChunk> decodeSse(Class<?> owner, String fixture,
            Supplier<? extends StreamDecoder<? super SseEvent>> decoders) {
        byte[] bytes = read(owner, fixture);
        List<ProviderChunk> whole = decode(decoders, bytes);
        for (int split = 1; split < bytes.length; split++) {
            assertThat(decode(decoders, Arrays.copyOfRange(bytes, 0, split),
                    Arrays.copyOfRange(bytes, split, bytes.length))).as("%s split at byte %d", fixture, split)
                    .isEqualTo(whole);
        }
        assertThat(decode(decoders, SseEventReaderTests.singleBytes(bytes))).as("%s one byte per buffer", fixture)
                .isEqualTo(whole);
        return whole;
    }

    private static List<ProviderChunk> decode(Supplier<? extends StreamDecoder<? super SseEvent>> decoders,
            byte[]... parts) {
        return new SseEventReader().decode(SseEventReaderTests.buffers(parts), decoders.get()).collectList()
                .block();
    }

    private static byte[] read(Class<?> owner, String fixture) {
        try (InputStream in = owner.getResourceAsStream(fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + fixture + " beside " + owner.getName());
            }
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
