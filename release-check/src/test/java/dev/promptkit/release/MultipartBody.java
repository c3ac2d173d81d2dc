/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.release;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads one part of a {@code multipart/form-data} request body (RFC 7578), as the portal's upload takes it. */
final class MultipartBody {

    private MultipartBody() {
    }

    /** The bytes of the part named {@code name}, or {@code null} when the body has no such part. */
    static byte[] part(String contentType, byte[] body, String name) {
        if (contentType == null || !contentType.startsWith("multipart/form-data")) {
            return null;
        }
        int at = contentType.indexOf("boundary=");
        if (at < 0) {
            return null;
        }
        String boundary = contentType.substring(at + "boundary=".length()).split(";")[0].replace("\"", "").trim();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] headerEnd = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        int start = indexOf(body, delimiter, 0);
        while (start >= 0) {
            int headersStart = start + delimiter.length + 2;
            int contentStart = indexOf(body, headerEnd, headersStart);
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII), headersStart);
            if (contentStart < 0 || next < 0) {
                return null;
            }
            String headers = new String(body, headersStart, contentStart - headersStart, StandardCharsets.UTF_8);
            if (headers.contains("name=\"" + name + "\"")) {
                return Arrays.copyOfRange(body, contentStart + headerEnd.length, next);
            }
            start = next + 2;
        }
        return null;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
