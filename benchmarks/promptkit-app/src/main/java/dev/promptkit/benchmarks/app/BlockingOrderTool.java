/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.app;

import dev.promptkit.spring.PromptTool;
import dev.promptkit.spring.ToolParam;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code blocking} profile's {@code lookup_order}: the same call to the mock upstream's {@code POST /tool}, written
 * as most tool code is, with the JDK's blocking {@link HttpClient#send} (one client, its defaults), the very code the
 * Spring AI and LangChain4j apps' tools run. Nothing about threads is configured: the starter runs it on its blocking
 * tool threads with their defaults.
 */
@Component
@Profile("blocking")
class BlockingOrderTool {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json;
    private final URI orders;

    BlockingOrderTool(JsonMapper json, @Value("${benchmark.tool-url:http://127.0.0.1:18081}") String toolUrl) {
        this.json = json;
        this.orders = URI.create(toolUrl + "/tool");
    }

    @PromptTool("lookup_order")
    String lookup(@ToolParam("order_id") String orderId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(orders).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("order_id", orderId))))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("POST " + orders + " answered " + response.statusCode());
        }
        return response.body();
    }
}
