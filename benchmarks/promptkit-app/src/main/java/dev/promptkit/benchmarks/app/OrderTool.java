package dev.promptkit.benchmarks.app;

import dev.promptkit.tool.annotation.PromptTool;
import dev.promptkit.tool.annotation.ToolParam;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Answers the pack's {@code lookup_order} by calling the mock upstream's {@code POST /tool} over HTTP, with
 * Boot's {@link WebClient} (Reactor Netty, one shared connection pool); the returned {@link Mono} keeps the call
 * off any thread while it waits.
 */
@Component
class OrderTool {

    private final WebClient orders;

    OrderTool(WebClient.Builder webClients, @Value("${benchmark.tool-url:http://127.0.0.1:18081}") String toolUrl) {
        this.orders = webClients.baseUrl(toolUrl).build();
    }

    @PromptTool("lookup_order")
    Mono<String> lookup(@ToolParam("order_id") String orderId) {
        return orders.post().uri("/tool").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("order_id", orderId))
                .retrieve()
                .bodyToMono(String.class);
    }
}
