/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.langchain4j;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The {@code lookup_order} tool: calls the mock upstream's {@code POST /tool} with Boot's {@link RestClient}
 * (one client, built once from the auto-configured builder). LangChain4j tool methods are synchronous, so it
 * blocks the thread LangChain4j runs the tool on until the answer is in.
 */
@Component
class OrderTools {

    private final RestClient orders;

    OrderTools(RestClient.Builder restClients, @Value("${benchmark.tool-url}") String toolUrl) {
        this.orders = restClients.baseUrl(toolUrl).build();
    }

    @Tool(name = "lookup_order", value = "Look up an order by its id: status and estimated delivery.")
    String lookupOrder(@P(name = "order_id", value = "The order id, such as 12345") String orderId) {
        return orders.post().uri("/tool").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("order_id", orderId))
                .retrieve()
                .body(String.class);
    }
}
