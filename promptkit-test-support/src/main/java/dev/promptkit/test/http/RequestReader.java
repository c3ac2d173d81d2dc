/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads HTTP/1.1 requests off a connection: head, then a body by {@code Content-Length} or chunked. */
final class RequestReader {

    private final InputStream in;
    private final int connection;

    RequestReader(InputStream in, int connection) {
        this.in = in;
        this.connection = connection;
    }

    /** The next request, or {@code null} if the client closed the connection before sending one. */
    LoopbackRequest next(int indexOnConnection) throws IOException {
        String requestLine = line(true);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length < 3) {
            throw new IOException("not an HTTP request line: " + requestLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(false); !header.isEmpty(); header = line(false)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? chunked()
                : in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        return new LoopbackRequest(parts[0], parts[1], headers, body, connection, indexOnConnection);
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
            body.write(in.readNBytes(size));
            line(false);
        }
        for (String trailer = line(false); !trailer.isEmpty(); trailer = line(false)) {
            // trailers are not kept
        }
        return body.toByteArray();
    }

    private int chunkSize() throws IOException {
        String size = line(false);
        int extension = size.indexOf(';');
        return Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
    }

    /** A line without its CRLF; {@code null} at the end of the stream only where {@code endAllowed}. */
    private String line(boolean endAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                if (endAllowed && line.size() == 0) {
                    return null;
                }
                throw new EOFException("the connection ended inside a request");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
