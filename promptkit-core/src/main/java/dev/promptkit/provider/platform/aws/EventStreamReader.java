/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.platform.aws;

import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderException.Kind;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.CRC32;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Cuts an {@code application/vnd.amazon.eventstream} body into {@link EventStreamMessage}s, wherever its bytes were
 * split. Each message is a 12-byte prelude (total length, headers length, CRC32 of the first 8 bytes), the headers
 * (name length, name, value type, value), the payload and a CRC32 of all that precedes it. A message whose lengths
 * or checksums do not hold, or a body that ends inside a message, fails the stream as
 * {@link Kind#INVALID_RESPONSE}.
 *
 * @since 0.1.0
 */
public final class EventStreamReader {

    /** AWS's limit on one message (16 MiB of payload and 128 KiB of headers), with its framing. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024 + 128 * 1024 + 16;

    private static final int PRELUDE = 12;
    private static final int TRAILER = 4;

    private final String provider;
    private final int maxMessageBytes;

    /** @param provider the provider's name, used in error messages */
    public EventStreamReader(String provider) {
        this(provider, DEFAULT_MAX_MESSAGE_BYTES);
    }

    /**
     * @param provider the provider's name, used in error messages
     * @param maxMessageBytes the longest message accepted, framing included
     */
    public EventStreamReader(String provider, int maxMessageBytes) {
        this.provider = provider;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The messages of one body; each subscription reads the body afresh. */
    public Flux<EventStreamMessage> read(Flux<DataBuffer> body) {
        return Flux.defer(() -> {
            Messages messages = new Messages();
            return body.map(messages::feed)
                    .concatWith(Mono.fromSupplier(messages::finish))
                    .concatMapIterable(Function.<List<EventStreamMessage>>identity());
        });
    }

    /** The bytes of a message not yet complete, and the messages each buffer completes. */
    private final class Messages {

        private byte[] pending = new byte[0];
        private int length;

        List<EventStreamMessage> feed(DataBuffer buffer) {
            try {
                int readable = buffer.readableByteCount();
                if (pending.length < length + readable) {
                    pending = Arrays.copyOf(pending, Math.max(length + readable, pending.length * 2));
                }
                buffer.read(pending, length, readable);
                length += readable;
            }
            finally {
                DataBufferUtils.release(buffer);
            }
            List<EventStreamMessage> complete = new ArrayList<>(1);
            int start = 0;
            while (length - start >= PRELUDE) {
                int total = ByteBuffer.wrap(pending, start, 4).getInt();
                if (total < PRELUDE + TRAILER || total > maxMessageBytes) {
                    throw malformed("a message declares " + Integer.toUnsignedString(total)
                            + " bytes; between " + (PRELUDE + TRAILER) + " and " + maxMessageBytes + " are allowed");
                }
                if (length - start < total) {
                    break;
                }
                complete.add(message(pending, start, total));
                start += total;
            }
            System.arraycopy(pending, start, pending, 0, length - start);
            length -= start;
            return complete;
        }

        List<EventStreamMessage> finish() {
            if (length > 0) {
                throw malformed("the body ended inside a message (" + length + " bytes left)");
            }
            return List.of();
        }
    }

    private ProviderException malformed(String what) {
        return new ProviderException(provider, Kind.INVALID_RESPONSE, 0, "received a malformed event stream: " + what,
                false, null, null);
    }

    private EventStreamMessage message(byte[] bytes, int start, int total) {
        ByteBuffer in = ByteBuffer.wrap(bytes, start, total);
        in.getInt();
        int headersLength = in.getInt();
        long preludeCrc = Integer.toUnsignedLong(in.getInt());
        check(crc(bytes, start, 8), preludeCrc, "prelude");
        check(crc(bytes, start, total - TRAILER), Integer.toUnsignedLong(ByteBuffer.wrap(bytes, start + total - TRAILER,
                4).getInt()), "message");
        if (headersLength < 0 || headersLength > total - PRELUDE - TRAILER) {
            throw malformed("the headers length " + headersLength + " exceeds the message");
        }
        Map<String, String> headers = headers(ByteBuffer.wrap(bytes, start + PRELUDE, headersLength));
        int payloadStart = start + PRELUDE + headersLength;
        return new EventStreamMessage(headers, Arrays.copyOfRange(bytes, payloadStart, start + total - TRAILER));
    }

    private Map<String, String> headers(ByteBuffer in) {
        Map<String, String> headers = new LinkedHashMap<>();
        try {
            while (in.hasRemaining()) {
                String name = text(in, Byte.toUnsignedInt(in.get()));
                headers.put(name, value(in, in.get()));
            }
        }
        catch (BufferUnderflowException e) {
            throw malformed("a message's headers run past their length");
        }
        return headers;
    }

    private String value(ByteBuffer in, byte type) {
        return switch (type) {
            case 0 -> "true";
            case 1 -> "false";
            case 2 -> Byte.toString(in.get());
            case 3 -> Short.toString(in.getShort());
            case 4 -> Integer.toString(in.getInt());
            case 5, 8 -> Long.toString(in.getLong());
            case 6 -> {
                byte[] value = new byte[Short.toUnsignedInt(in.getShort())];
                in.get(value);
                yield Base64.getEncoder().encodeToString(value);
            }
            case 7 -> text(in, Short.toUnsignedInt(in.getShort()));
            case 9 -> new UUID(in.getLong(), in.getLong()).toString();
            default -> throw malformed("unknown header value type " + type);
        };
    }

    private static String text(ByteBuffer in, int length) {
        byte[] text = new byte[length];
        in.get(text);
        return new String(text, StandardCharsets.UTF_8);
    }

    private static long crc(byte[] bytes, int start, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, start, length);
        return crc.getValue();
    }

    private void check(long computed, long sent, String part) {
        if (computed != sent) {
            throw malformed("the " + part + " checksum does not match (CRC32 "
                    + Long.toHexString(computed) + ", sent " + Long.toHexString(sent) + ")");
        }
    }
}
