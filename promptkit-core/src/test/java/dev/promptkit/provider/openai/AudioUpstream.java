/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * OpenAI's audio endpoints on loopback for one test ({@code @RegisterExtension}): a {@code mockwebserver3}
 * server, with helpers for OpenAI-shaped answers and for reading a recorded multipart upload.
 */
public final class AudioUpstream implements BeforeEachCallback, AfterEachCallback {

    private final MockWebServer server = new MockWebServer();

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }

    /** The base URL of the fake API: {@code http://127.0.0.1:<port>/v1}. */
    public String baseUrl() {
        return server.url("/v1").toString();
    }

    /** Answers every request with {@code answers}, by request, instead of a queue. */
    public void dispatch(Function<RecordedRequest, MockResponse> answers) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answers.apply(request);
            }
        });
    }

    public void enqueue(MockResponse... responses) {
        for (MockResponse response : responses) {
            server.enqueue(response);
        }
    }

    public RecordedRequest takeRequest() throws InterruptedException {
        return server.takeRequest(1, TimeUnit.SECONDS);
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    public static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }

    /** An OpenAI error body, as the API reference shows it. */
    public static MockResponse error(int status, String message, String type) {
        return json(status, """
                {"error": {"message": "%s", "type": "%s", "param": null, "code": null}}""".formatted(message, type));
    }

    /** Raw PCM sent in pieces of {@code pieceBytes}, {@code bytesPerMilli} bytes a millisecond. */
    public static MockResponse pcm(byte[] audio, int pieceBytes, long bytesPerMilli) {
        return new MockResponse.Builder().addHeader("Content-Type", "audio/pcm")
                .chunkedBody(new Buffer().write(audio), pieceBytes)
                .throttleBody(bytesPerMilli, 1, TimeUnit.MILLISECONDS).build();
    }

    /** The parts of a recorded {@code multipart/form-data} body, by name. */
    public static Map<String, Part> parts(RecordedRequest request) throws IOException {
        MediaType type = MediaType.get(request.getHeaders().get("Content-Type"));
        Map<String, Part> parts = new LinkedHashMap<>();
        try (MultipartReader reader = new MultipartReader(new Buffer().write(request.getBody()),
                type.parameter("boundary"))) {
            MultipartReader.Part part;
            while ((part = reader.nextPart()) != null) {
                String disposition = part.headers().get("Content-Disposition");
                String name = disposition.replaceAll(".*\\bname=\"([^\"]*)\".*", "$1");
                parts.put(name, new Part(disposition, part.headers().get("Content-Type"),
                        part.body().readByteArray()));
            }
        }
        return parts;
    }

    /** One part of a form: its {@code Content-Disposition}, its {@code Content-Type} (or null) and its bytes. */
    public record Part(String disposition, String contentType, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
