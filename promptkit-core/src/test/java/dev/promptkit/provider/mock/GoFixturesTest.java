/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import static dev.promptkit.provider.mock.Requests.scenarioTurn;
import static dev.promptkit.provider.mock.Requests.withMetadata;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.ProviderResponse;
import dev.promptkit.types.Message;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Scripts in the Go original's format load unchanged and answer as Arena expects. */
class GoFixturesTest {

    @Test
    void customerSupportScenariosAnswerByTurnNumber() throws Exception {
        Path file = Path.of(getClass().getResource("/mock/go-customer-support.mock.yaml").toURI());
        MockScript script = MockScript.load(file);

        assertThat(text(script, scenarioTurn("order-status", 1, "Where is my order?")))
                .startsWith("Thanks for reaching out! I can see order #48213");
        assertThat(text(script, scenarioTurn("order-status", 3, "Yes please")))
                .isEqualTo("Done. The courier says your parcel should arrive between 2 pm and 4 pm. Is there"
                        + " anything else I can help with?");
        assertThat(text(script, scenarioTurn("order-status", 4, "No, thanks"))).isEqualTo(
                "I'm looking into your order now.");
        assertThat(text(script, scenarioTurn("refund-request", 2, "Order 48213, it leaks")))
                .contains("eligible for a full refund of $89.99");
        assertThat(text(script, scenarioTurn("refund-request", 3, "Thanks")))
                .isEqualTo("Thanks for contacting Acme support. How can I help you today?");
        assertThat(text(script, scenarioTurn("app-crash", 1, "The app crashes")))
                .isEqualTo("Let's get the app working again. Which device and OS version are you using?");
    }

    @Test
    void orderLookupScenarioDrivesATwoRoundToolConversation() {
        MockProvider provider = MockProvider.builder()
                .script(MockScript.fromClasspath("mock/go-order-tools.mock.yaml"))
                .build();
        Map<String, Object> scenario = Map.of("mock_scenario_id", "order-lookup");
        List<Message> history = new ArrayList<>(List.of(Message.user("Where is order A-1042?")));

        StepVerifier.create(provider.stream(withMetadata(scenario, history.toArray(Message[]::new))))
                .assertNext(chunk -> {
                    assertThat(chunk.toolCall().id()).isEqualTo("call_0_lookup_order");
                    assertThat(chunk.toolCall().argumentsJson())
                            .isEqualTo("{\"order_id\":\"A-1042\",\"include_items\":true}");
                })
                .assertNext(chunk -> assertThat(chunk.finishReason()).isEqualTo("tool_calls"))
                .verifyComplete();

        ToolCall lookup = ToolCall.of("call_0_lookup_order", "lookup_order",
                Map.of("order_id", "A-1042", "include_items", true));
        history.add(Message.assistant("", List.of(lookup)));
        history.add(Message.tool(ToolResult.success(lookup.id(), lookup.name(),
                "{\"status\":\"shipped\",\"items\":2,\"total\":134.50}", 18)));
        ProviderResponse second = call(provider, withMetadata(scenario, history.toArray(Message[]::new)));

        assertThat(second.text())
                .isEqualTo("Your order has shipped. Let me check where it is and what the return options are.");
        assertThat(second.toolCalls()).extracting(ToolCall::id)
                .containsExactly("call_0_track_shipment", "call_1_get_return_policy");
        assertThat(second.toolCalls().get(1).arguments())
                .isEqualTo(Map.of("category", "kitchen", "days_since_delivery", 3));
        assertThat(second.finishReason()).isEqualTo("tool_calls");

        history.add(Message.assistant(second.text(), second.toolCalls()));
        history.add(Message.tool(ToolResult.success("call_0_track_shipment", "track_shipment",
                "{\"eta\":\"Thursday\"}", 22)));
        history.add(Message.tool(ToolResult.success("call_1_get_return_policy", "get_return_policy",
                "{\"return_window_days\":30}", 9)));
        ProviderResponse third = call(provider, withMetadata(scenario, history.toArray(Message[]::new)));

        assertThat(third.text()).startsWith("Order A-1042 (2 items, $134.50) shipped with UPS");
        assertThat(third.finishReason()).isEqualTo("stop");
    }

    @Test
    void withoutScenarioMetadataOnlyTheGlobalDefaultApplies() {
        MockProvider provider = MockProvider.builder()
                .script(MockScript.fromClasspath("mock/go-order-tools.mock.yaml"))
                .build();

        StepVerifier.create(provider.stream(ProviderRequest.of(null, null, List.of(Message.user("hi"))))
                        .filter(ProviderChunk::isText).map(ProviderChunk::delta).reduce(String::concat))
                .expectNext("I can help you with orders, shipping and returns.")
                .verifyComplete();
    }

    private static String text(MockScript script, ProviderRequest request) {
        return script.find(request).map(MockTurn::responseText).orElseThrow();
    }

    private static ProviderResponse call(MockProvider provider, ProviderRequest request) {
        return provider.call(request).block(Duration.ofSeconds(5));
    }
}
