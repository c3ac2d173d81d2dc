/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.springai;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code lookup_order} tool as a Spring AI {@link Tool @Tool} method: Spring AI tools are synchronous methods, so
 * this one calls the mock upstream's {@code POST /tool} with the JDK's blocking {@link HttpClient#send} (one client,
 * its defaults), the same code as the LangChain4j app's tool and the PromptKit app's blocking variant. In a streamed
 * request Spring AI's tool-calling advisor runs tools on Reactor's bounded-elastic scheduler, where blocking is
 * allowed.
 *
 * <p>Not {@code RestClient}: in a WebFlux application Boot builds it on Reactor Netty
 * ({@code ReactorClientHttpRequestFactory}), which writes request bodies on the bounded-elastic scheduler too. With
 * as many overlapping tool calls as that scheduler has threads (10 per core), every thread blocks waiting for a
 * response whose body write is queued behind them, and the requests hang until the client gives up (seen at
 * 100 concurrent chats on 2 cores; see benchmarks/README.md). The JDK client writes on threads of its own.
 */
@Component
class OrderTools {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json;
    private final URI orders;

    OrderTools(JsonMapper json, @Value("${benchmark.tool-url:http://127.0.0.1:18081}") String toolUrl) {
        this.json = json;
        this.orders = URI.create(toolUrl + "/tool");
    }

    // The parameter is named as the model sends it: Spring AI takes a tool's argument names from the method's
    // parameter names (compiled with -parameters, as spring-boot-starter-parent does).
    @Tool(name = "lookup_order", description = "Look up an order by its id: status and estimated delivery.")
    String lookupOrder(@ToolParam(description = "The order id, such as 12345") String order_id)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(orders).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("order_id", order_id))))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("POST " + orders + " answered " + response.statusCode());
        }
        return response.body();
    }
}
