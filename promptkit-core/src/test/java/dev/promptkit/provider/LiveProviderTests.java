/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.sdk.Response;
import dev.promptkit.sdk.StreamChunk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * One short streamed turn on each real vendor, with the provider created by type name and the conversation
 * opened through the SDK. Each test runs only where its vendor's variable is set, and sends nothing otherwise:
 * {@code OPENAI_API_KEY=... ./mvnw -pl promptkit-core test -Dtest=LiveProviderTests}. Every provider uses its
 * default model, except that Ollama uses {@code OLLAMA_MODEL} when it is set.
 */
@Tag("live")
class LiveProviderTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/packs/hello-hello.pack.json"));

    @Test
    @EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
    void openAi() {
        assertThat(streamedAnswer(paid("openai", "OPENAI_API_KEY")).cost()).isPositive();
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "ANTHROPIC_API_KEY", matches = ".+")
    void anthropic() {
        assertThat(streamedAnswer(paid("anthropic", "ANTHROPIC_API_KEY")).cost()).isPositive();
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "GEMINI_API_KEY", matches = ".+")
    void gemini() {
        assertThat(streamedAnswer(paid("gemini", "GEMINI_API_KEY")).cost()).isPositive();
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "OLLAMA_HOST", matches = ".+")
    void ollama() {
        streamedAnswer(ProviderSpec.builder("ollama", "ollama").baseUrl(System.getenv("OLLAMA_HOST"))
                .model(System.getenv("OLLAMA_MODEL")).build());
    }

    private static ProviderSpec paid(String type, String keyVariable) {
        return ProviderSpec.of(type, System.getenv(keyVariable), null);
    }

    /** Streams a greeting, checks that text arrived in chunks and that usage was counted, and returns the answer. */
    private static Response streamedAnswer(ProviderSpec spec) {
        try (Provider provider = ProviderFactories.discover().create(spec);
                Conversation chat = PromptKit.open(PACK, "chat",
                        ConversationOptions.builder().provider(provider).maxTokens(1024).build())) {
            chat.setVar("user_name", "Ada");
            List<StreamChunk> chunks = chat.stream("Greet me in at most five words.").collectList()
                    .block(Duration.ofMinutes(1));

            assertThat(chunks).filteredOn(StreamChunk::isText).isNotEmpty();
            assertThat(chunks).last().satisfies(last -> assertThat(last.isDone()).isTrue());
            Response response = chunks.get(chunks.size() - 1).response();
            assertThat(response.text()).isNotBlank();
            assertThat(response.inputTokens()).isPositive();
            assertThat(response.outputTokens()).isPositive();
            return response;
        }
    }
}
