/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.extensions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.pack.Pack;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.pipeline.EnvironmentVariables;
import dev.promptkit.pipeline.TimeVariables;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderFactories;
import dev.promptkit.provider.ProviderSpec;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.sdk.Response;
import dev.promptkit.sdk.StreamChunk;
import dev.promptkit.types.Message;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Every extension point used from outside PromptKit's packages, as an application would use it. */
class ExtensionPointTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/extensions/assistant.pack.json"));
    private static final Clock A_FRIDAY = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void aCustomStageRedactsEmailsSplitAcrossStreamedChunks() {
        MockProvider mock = MockProvider.builder().chunkSize(4).script(MockScript.parse(
                "defaultResponse: \"Write to jane.doe@example.com or ops@acme.io today.\"")).build();
        Conversation chat = PromptKit.open(PACK, "chat", ConversationOptions.builder().provider(mock)
                .variable("region", "EU").variableProvider(new TimeVariables(A_FRIDAY))
                .stage(new RedactEmailsStage()).build());

        List<StreamChunk> chunks = chat.stream("contacts?").collectList().block();

        String streamed = String.join("", chunks.stream().filter(StreamChunk::isText).map(StreamChunk::text).toList());
        assertThat(streamed).isEqualTo("Write to [email] or [email] today.");
        assertThat(chunks.get(chunks.size() - 1).response().text()).isEqualTo(streamed);
        assertThat(chat.messages()).extracting(Message::text).contains("Write to [email] or [email] today.");
        assertThat(chat.stageNames()).containsSubsequence("provider", "redact-emails", "state_save");
    }

    @Test
    void aCustomProviderFoundByServiceLoaderSpeaksItsOwnWireFormat() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/plain")
                    .body("T Hello\nT  from the line wire.\nU 12 5\nE stop\n").build());
            Provider provider = ProviderFactories.discover().create(ProviderSpec.builder("acme", "line-wire")
                    .baseUrl(server.url("/").toString()).build());
            Conversation chat = PromptKit.open(PACK, "chat", ConversationOptions.builder().provider(provider)
                    .variable("region", "EU").variableProvider(new TimeVariables(A_FRIDAY)).build());

            Response response = chat.send("hi");

            assertThat(response.text()).isEqualTo("Hello from the line wire.");
            assertThat(response.inputTokens()).isEqualTo(12);
            assertThat(response.outputTokens()).isEqualTo(5);
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request.getTarget()).isEqualTo("/generate");
            assertThat(request.getBody().utf8()).contains("Today is Friday in EU.");
        }
    }

    @Test
    void builtInTimeAndEnvironmentVariableProvidersFillTheTemplate() {
        List<dev.promptkit.provider.ProviderRequest> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        MockProvider mock = MockProvider.builder().build();
        Provider recording = new dev.promptkit.provider.ForwardingProvider(mock) {
            @Override
            public reactor.core.publisher.Flux<dev.promptkit.provider.ProviderChunk> stream(ProviderRequest request) {
                requests.add(request);
                return super.stream(request);
            }
        };
        Conversation chat = PromptKit.open(PACK, "chat", ConversationOptions.builder().provider(recording)
                .variableProvider(new TimeVariables(A_FRIDAY))
                .variableProvider(new EnvironmentVariables("SHOP_", Map.of("SHOP_REGION", "Oceania", "PATH", "/bin")))
                .build());

        chat.send("hi");

        assertThat(requests.get(0).system()).isEqualTo("Today is Friday in Oceania.");
    }
}
