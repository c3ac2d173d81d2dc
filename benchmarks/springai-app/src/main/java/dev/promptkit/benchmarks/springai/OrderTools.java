/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.springai;

import java.util.Map;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The {@code lookup_order} tool as a Spring AI {@link Tool @Tool} method: Spring AI tools are synchronous methods, so
 * this one calls the mock upstream's {@code POST /tool} with Boot's {@link WebClient} (the same Reactor Netty client
 * and pool as the PromptKit app) and blocks for the body. In a streamed request Spring AI's tool-calling advisor runs
 * tools on Reactor's bounded-elastic scheduler, where blocking is allowed.
 *
 * <p>Not {@code RestClient}: in a WebFlux application Boot builds it on Reactor Netty
 * ({@code ReactorClientHttpRequestFactory}), which writes request bodies on the bounded-elastic scheduler too. With
 * as many overlapping tool calls as that scheduler has threads (10 per core), every thread blocks waiting for a
 * response whose body write is queued behind them, and the requests hang until the client gives up (seen at
 * 100 concurrent chats on 2 cores; see benchmarks/README.md).
 */
@Component
class OrderTools {

    private final WebClient orders;

    OrderTools(WebClient.Builder webClients, @Value("${benchmark.tool-url:http://127.0.0.1:18081}") String toolUrl) {
        this.orders = webClients.baseUrl(toolUrl).build();
    }

    // The parameter is named as the model sends it: Spring AI takes a tool's argument names from the method's
    // parameter names (compiled with -parameters, as spring-boot-starter-parent does).
    @Tool(name = "lookup_order", description = "Look up an order by its id: status and estimated delivery.")
    String lookupOrder(@ToolParam(description = "The order id, such as 12345") String order_id) {
        return orders.post().uri("/tool")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("order_id", order_id))
                .retrieve()
                .bodyToMono(String.class)
                .block();
    }
}
