/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends one command to a Redis server in RESP on a connection of its own and decodes the reply: a simple or bulk
 * string as a {@link String} ({@code null} for nil), an integer as a {@link Long}, an array as a {@link List}; an
 * error reply becomes a {@link RedisErrorReply}. For test set-ups (cluster and Sentinel commands), not for load.
 */
public final class RedisWire {

    private RedisWire() {
    }

    /** Sends {@code arguments} (command name first) to {@code host:port} and returns the decoded reply. */
    public static Object send(String host, int port, String... arguments) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(encode(arguments));
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        }
    }

    static byte[] encode(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("*" + arguments.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (String argument : arguments) {
            byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bytes);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static Object read(InputStream in) throws IOException {
        int type = in.read();
        if (type == -1) {
            throw new IOException("connection closed before a reply");
        }
        String line = line(in);
        return switch (type) {
            case '+' -> line;
            case '-' -> throw new RedisErrorReply(line);
            case ':' -> Long.parseLong(line);
            case '$' -> bulk(in, Integer.parseInt(line));
            case '*' -> array(in, Integer.parseInt(line));
            default -> throw new IOException("not a RESP reply: " + (char) type + line);
        };
    }

    private static String bulk(InputStream in, int length) throws IOException {
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length + 2);
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private static List<Object> array(InputStream in, int length) throws IOException {
        if (length < 0) {
            return null;
        }
        List<Object> values = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            values.add(read(in));
        }
        return values;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int next = in.read(); next != -1; next = in.read()) {
            if (previous == '\r' && next == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(next);
            previous = next;
        }
        throw new IOException("connection closed in the middle of a reply");
    }

    /** Redis answered with an error ({@code -ERR …}, {@code -MOVED …}). */
    public static final class RedisErrorReply extends IOException {

        private static final long serialVersionUID = 1L;

        RedisErrorReply(String message) {
            super(message);
        }
    }
}
