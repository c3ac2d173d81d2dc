/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.platform.aws;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Writes {@code application/vnd.amazon.eventstream} bodies as Bedrock sends them, from the AWS event stream
 * encoding (prelude with total and headers lengths and its CRC32, string headers of type 7, payload, message CRC32),
 * for fakes of Bedrock's {@code InvokeModelWithResponseStream}.
 */
public final class EventStreamFrames {

    private EventStreamFrames() {
    }

    /** One message with these string headers (in order) and payload. */
    public static byte[] message(Map<String, String> headers, byte[] payload) {
        ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
        headers.forEach((name, value) -> {
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
            headerBytes.write(nameBytes.length);
            headerBytes.writeBytes(nameBytes);
            headerBytes.write(7);
            headerBytes.write(valueBytes.length >> 8);
            headerBytes.write(valueBytes.length & 0xff);
            headerBytes.writeBytes(valueBytes);
        });
        int total = 12 + headerBytes.size() + payload.length + 4;
        ByteBuffer message = ByteBuffer.allocate(total);
        message.putInt(total).putInt(headerBytes.size());
        message.putInt((int) crc(message.array(), 8));
        message.put(headerBytes.toByteArray()).put(payload);
        message.putInt((int) crc(message.array(), total - 4));
        return message.array();
    }

    /** A {@code chunk} event whose {@code bytes} carry {@code eventJson}, padded as Bedrock pads them. */
    public static byte[] chunk(String eventJson) {
        String bytes = Base64.getEncoder().encodeToString(eventJson.getBytes(StandardCharsets.UTF_8));
        String payload = "{\"bytes\":\"" + bytes + "\",\"p\":\"abcdefghijklmnopqrstuvwxyzABCDEFGH\"}";
        return message(linked(":event-type", "chunk", ":content-type", "application/json", ":message-type", "event"),
                payload.getBytes(StandardCharsets.UTF_8));
    }

    /** An exception message such as {@code throttlingException}, with {@code {"message": ...}} as payload. */
    public static byte[] exception(String type, String message) {
        String payload = "{\"message\":\"" + message + "\"}";
        return message(linked(":exception-type", type, ":content-type", "application/json", ":message-type",
                "exception"), payload.getBytes(StandardCharsets.UTF_8));
    }

    /** The chunks of the Anthropic events (the {@code data} of each server-sent event) of an SSE fixture. */
    public static byte[] chunksOfSse(String sse) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String event : sse.replace("\r\n", "\n").split("\n\n")) {
            for (String line : List.of(event.split("\n"))) {
                if (line.startsWith("data:")) {
                    body.writeBytes(chunk(line.substring(5).strip()));
                }
            }
        }
        return body.toByteArray();
    }

    /** Concatenates bodies. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            body.writeBytes(part);
        }
        return body.toByteArray();
    }

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
