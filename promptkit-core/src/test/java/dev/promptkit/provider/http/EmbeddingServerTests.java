/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the embedding provider tests share: a mock server per test, and JSON responses and requests. */
public abstract class EmbeddingServerTests {

    protected final MockWebServer server = new MockWebServer();

    @BeforeEach
    void startServer() throws IOException {
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    protected static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }

    protected static JsonNode parse(String json) {
        return JsonMapper.shared().readTree(json);
    }
}
