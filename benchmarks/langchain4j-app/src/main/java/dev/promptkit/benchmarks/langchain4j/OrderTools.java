/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.langchain4j;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code lookup_order} tool: calls the mock upstream's {@code POST /tool} with the JDK's blocking
 * {@link HttpClient#send} (one client, its defaults), the same code as the Spring AI app's tool and the PromptKit
 * app's blocking variant. LangChain4j tool methods are synchronous, so it blocks the thread LangChain4j runs the
 * tool on until the answer is in.
 */
@Component
class OrderTools {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json;
    private final URI orders;

    OrderTools(JsonMapper json, @Value("${benchmark.tool-url}") String toolUrl) {
        this.json = json;
        this.orders = URI.create(toolUrl + "/tool");
    }

    @Tool(name = "lookup_order", value = "Look up an order by its id: status and estimated delivery.")
    String lookupOrder(@P(name = "order_id", value = "The order id, such as 12345") String orderId)
            throws IOException, InterruptedException {
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
