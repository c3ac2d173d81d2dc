/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.platform.aws;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 with the signature in the {@code Authorization} header, as AWS documents it and its
 * published test suite checks it: the canonical request (method, the path encoded once more, the sorted query, the
 * signed headers {@code host}, {@code x-amz-date}, {@code x-amz-security-token} and any given, the SHA-256 of the
 * payload), the string to sign over the credential scope, and the HMAC-SHA256 signing key derived from the secret
 * key, the date, the region and the service. Thread-safe and free of any AWS library.
 *
 * @since 0.1.0
 */
public final class SigV4Signer {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private final String region;
    private final String service;

    /**
     * @param region the region, such as {@code us-east-1}
     * @param service the signing name of the service, such as {@code bedrock}
     */
    public SigV4Signer(String region, String service) {
        this.region = region;
        this.service = service;
    }

    /** An access key, its secret and, for temporary credentials, the session token (else {@code null}). */
    public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {

        @Override
        public String toString() {
            return "Credentials[accessKeyId=******]";
        }
    }

    /**
     * The headers that sign one request: {@code X-Amz-Date}, {@code X-Amz-Security-Token} (with a session token)
     * and {@code Authorization}.
     *
     * @param method the HTTP method
     * @param uri the full URI as sent (its raw, encoded path and query are signed)
     * @param headers further headers to sign, such as {@code Content-Type}; {@code Host} is taken from the URI
     * @param payload the body as sent
     * @param credentials who signs
     * @param time when the request is signed
     */
    public Map<String, String> sign(String method, URI uri, Map<String, String> headers, byte[] payload,
            Credentials credentials, Instant time) {
        String amzDate = AMZ_DATE.format(time);
        Map<String, String> added = new LinkedHashMap<>();
        added.put("X-Amz-Date", amzDate);
        if (credentials.sessionToken() != null) {
            added.put("X-Amz-Security-Token", credentials.sessionToken());
        }
        TreeMap<String, String> signed = new TreeMap<>();
        signed.put("host", uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
        headers.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), value.strip()));
        added.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), value));
        String signedHeaders = String.join(";", signed.keySet());
        StringBuilder canonicalHeaders = new StringBuilder();
        signed.forEach((name, value) -> canonicalHeaders.append(name).append(':').append(value).append('\n'));
        String canonicalRequest = method + "\n" + canonicalPath(uri.getRawPath()) + "\n"
                + canonicalQuery(uri.getRawQuery()) + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n"
                + HEX.formatHex(sha256(payload));
        String scope = amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8),
                amzDate.substring(0, 8));
        for (String part : List.of(region, service, "aws4_request")) {
            key = hmac(key, part);
        }
        String signature = HEX.formatHex(hmac(key, stringToSign));
        added.put("Authorization", ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        return added;
    }

    /** The path as sent, encoded once more (each {@code %} becomes {@code %25}), as every service but S3 wants. */
    private static String canonicalPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        return encode(rawPath).replace("%2F", "/");
    }

    /** The query parameters, decoded, encoded strictly and sorted by name, then value. */
    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.add(encode(decode(name)) + "=" + encode(decode(value)));
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    /** RFC 3986 encoding: everything but the unreserved characters. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
