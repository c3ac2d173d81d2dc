/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.event.Event;
import dev.promptkit.event.EventBus;
import dev.promptkit.event.StreamRetryEvent;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.sdk.Response;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A whole conversation on each real provider, created from its type name, over a fake upstream that
 * speaks the vendor's wire format: the first request meets a 503 and is retried, the model asks for
 * two tools, the handlers answer, and the model's final streamed answer comes back with usage and cost.
 */
class ProviderConversationTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/providers/tools.pack.json"));
    private static final Path FIXTURES = Path.of("src/test/resources/dev/promptkit/provider");

    private final MockWebServer server = new MockWebServer();

    /** One vendor: where its fixtures are, how it frames streams, and where its API lives on the server. */
    record Vendor(String type, String contentType, String toolFixture, String textFixture, String basePath,
            String requestPath, boolean priced) {

        @Override
        public String toString() {
            return type;
        }
    }

    static Stream<Vendor> vendors() {
        return Stream.of(
                new Vendor("openai", "text/event-stream", "parallel-tool-calls.sse", "text.sse", "/v1",
                        "/v1/chat/completions", true),
                new Vendor("anthropic", "text/event-stream", "parallel-tool-use.sse", "text.sse", "",
                        "/v1/messages", true),
                new Vendor("gemini", "text/event-stream", "parallel-function-calls.sse", "text.sse", "/v1beta",
                        ":streamGenerateContent?alt=sse", true),
                new Vendor("ollama", "application/x-ndjson", "tool-calls.ndjson", "text.ndjson", "", "/api/chat",
                        false));
    }

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void streamsCallsToolsCountsCostAndRecoversFromA503(Vendor vendor) throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).body("{\"error\":{\"message\":\"overloaded\"}}").build());
        server.enqueue(stream(vendor, vendor.toolFixture()));
        server.enqueue(stream(vendor, vendor.textFixture()));
        EventBus events = EventBus.create();
        List<Event> heard = new CopyOnWriteArrayList<>();
        events.subscribeSynchronous(heard::add);
        Provider provider = ProviderFactories.discover(ProviderHost.publishingTo(events, WebClient::builder))
                .create(ProviderSpec.of(vendor.type(), "test-key-123", server.url(vendor.basePath()).toString()));
        Conversation chat = PromptKit.open(PACK, "assistant", ConversationOptions.builder().provider(provider).build());
        chat.onTool("get_weather", args -> "sunny, 18 C").onTool("get_time", args -> "14:05");

        Response response = chat.send("What's the weather and the time?");

        assertThat(response.toolCalls()).extracting(call -> call.name()).containsExactly("get_weather", "get_time");
        assertThat(response.toolResults()).extracting(ToolResult::content).containsExactly("sunny, 18 C", "14:05");
        assertThat(response.text()).isNotBlank();
        assertThat(response.inputTokens()).isPositive();
        assertThat(response.outputTokens()).isPositive();
        if (vendor.priced()) {
            assertThat(response.cost()).isPositive();
        }
        else {
            assertThat(response.cost()).isZero();
        }
        assertThat(chat.messages()).extracting(Message::role).containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL,
                Role.TOOL, Role.ASSISTANT);
        List<RecordedRequest> requests = List.of(take(), take(), take());
        assertThat(requests).allSatisfy(request -> assertThat(request.getTarget()).contains(vendor.requestPath()));
        assertThat(requests.get(0).getBody().utf8()).as("the retried request is the same request")
                .isEqualTo(requests.get(1).getBody().utf8());
        assertThat(requests.get(2).getBody().utf8()).contains("sunny, 18 C").contains("14:05");
        assertThat(heard).filteredOn(StreamRetryEvent.class::isInstance).singleElement().satisfies(event -> {
            StreamRetryEvent retry = (StreamRetryEvent) event;
            assertThat(retry.provider()).isEqualTo(vendor.type());
            assertThat(retry.reason()).isEqualTo("HTTP 503");
            assertThat(retry.outcome()).isEqualTo("retrying");
        });
        provider.close();
    }

    private RecordedRequest take() throws InterruptedException {
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    private static MockResponse stream(Vendor vendor, String fixture) throws IOException {
        return new MockResponse.Builder().addHeader("Content-Type", vendor.contentType())
                .body(Files.readString(FIXTURES.resolve(vendor.type()).resolve(fixture))).build();
    }
}
