/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A vendor's API on loopback for one test: a {@code mockwebserver3} server, started before and closed after
 * each test (register it with {@code @RegisterExtension}), that answers with the fixtures stored next to the
 * test class: streamed bodies in the vendor's framing, {@code errors/<status>.json} error bodies, and bodies
 * that are cut, stalled or split into odd chunks.
 */
public final class FakeUpstream implements BeforeEachCallback, AfterEachCallback {

    /** How the vendor frames a streamed body. */
    public enum Framing {
        /** Server-sent events: events end with a blank line. */
        SSE("text/event-stream"),
        /** Newline-delimited JSON: one value per line. */
        NDJSON("application/x-ndjson");

        private final String contentType;

        Framing(String contentType) {
            this.contentType = contentType;
        }

        /** The {@code Content-Type} (and {@code Accept}) of such a body. */
        public String contentType() {
            return contentType;
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final Class<?> fixtures;
    private final Framing framing;

    /**
     * @param fixtures the class whose package holds the fixtures
     * @param framing how the streamed fixtures are framed
     */
    public FakeUpstream(Class<?> fixtures, Framing framing) {
        this.fixtures = fixtures;
        this.framing = framing;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }

    /** The {@code Content-Type} of the vendor's streamed bodies. */
    public String contentType() {
        return framing.contentType();
    }

    /** The URL of {@code path} on this server. */
    public String url(String path) {
        return server.url(path).toString();
    }

    public int port() {
        return server.getPort();
    }

    /** Answers the next requests with {@code responses}, in order. */
    public void enqueue(MockResponse... responses) {
        for (MockResponse response : responses) {
            server.enqueue(response);
        }
    }

    /** The next request received, waiting up to a second for it. */
    public RecordedRequest takeRequest() throws InterruptedException {
        return server.takeRequest(1, TimeUnit.SECONDS);
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    /** The text of a fixture, as stored. */
    public String fixture(String name) {
        try (InputStream in = fixtures.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name + " next to " + fixtures.getSimpleName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The request fixture {@code requests/<name>} as the exact bytes a provider sends: it is stored indented for
     * reading, and the whitespace between JSON tokens (never inside a string) is taken out; nothing else changes,
     * so key order, number spelling and escapes are compared as sent.
     */
    public String requestFixture(String name) {
        String indented = fixture("requests/" + name);
        StringBuilder bytes = new StringBuilder(indented.length());
        boolean inString = false;
        for (int i = 0; i < indented.length(); i++) {
            char c = indented.charAt(i);
            if (inString && c == '\\') {
                bytes.append(c).append(indented.charAt(++i));
                continue;
            }
            if (c == '"') {
                inString = !inString;
            }
            if (inString || !Character.isWhitespace(c)) {
                bytes.append(c);
            }
        }
        return bytes.toString();
    }

    /** The first {@code count} events (or lines) of a streamed fixture. */
    public String firstEvents(String fixture, int count) {
        String events = fixture(fixture);
        String end = framing == Framing.NDJSON ? "\n" : events.contains("\r\n\r\n") ? "\r\n\r\n" : "\n\n";
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = events.indexOf(end, length) + end.length();
        }
        return events.substring(0, length);
    }

    /** A streamed 200 response with {@code body}. */
    public MockResponse stream(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", framing.contentType()).body(body).build();
    }

    /** A streamed 200 response with a fixture as body. */
    public MockResponse streamFixture(String name) {
        return stream(fixture(name));
    }

    /** A streamed fixture sent in chunks of 7 bytes, 3 bytes a millisecond: inside lines and characters. */
    public MockResponse streamInOddChunks(String name) {
        return new MockResponse.Builder().addHeader("Content-Type", framing.contentType())
                .chunkedBody(fixture(name), 7).throttleBody(3, 1, TimeUnit.MILLISECONDS).build();
    }

    /** Sends {@code body}, then closes the connection halfway through a body twice as long. */
    public MockResponse cutAfter(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", framing.contentType()).body(body + body)
                .onResponseBody(new SocketEffect.CloseSocket()).build();
    }

    /** Sends {@code body}, then nothing more, holding the connection open. */
    public MockResponse stalledAfter(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", framing.contentType()).body(body + body)
                .onResponseBody(SocketEffect.Stall.INSTANCE).build();
    }

    /** A JSON error response with the fixture {@code errors/<status>.json} as body. */
    public MockResponse error(int status) {
        return error(status, "errors/" + status + ".json");
    }

    /** A JSON error response with another status's fixture as body. */
    public MockResponse error(int status, String fixture) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(fixture(fixture)).build();
    }

    /** Parses JSON text, such as a recorded request body or an expected one. */
    public static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
