/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.recording;

import dev.promptkit.event.EventBus;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderFactories;
import dev.promptkit.provider.ProviderHost;
import dev.promptkit.provider.ProviderSpec;
import dev.promptkit.provider.http.FakeUpstream;
import dev.promptkit.provider.openai.OpenAiProvider;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.sdk.Response;
import dev.promptkit.test.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A two-turn conversation recorded against a fake OpenAI upstream speaking the Chat Completions SSE format: the model
 * asks for two tools, reads their results and answers, then answers a second message. The weather tool echoes the
 * API key, as a careless upstream might, so a recording can be checked for it.
 */
final class OpenAiSession {

    static final Pack PACK = PackLoader.load(Path.of("src/test/resources/providers/tools.pack.json"));
    static final String API_KEY = "sk-proj-recordingTestKey0123456789abcdef";
    static final List<String> USER_TEXTS = List.of("What's the weather and the time?", "Thanks!");

    private OpenAiSession() {
    }

    /** The fake OpenAI upstream a test registers with {@code @RegisterExtension}. */
    static FakeUpstream upstream() {
        return new FakeUpstream(OpenAiProvider.class, FakeUpstream.Framing.SSE);
    }

    /** The same tool handlers a replay registers. */
    static Conversation withTools(Conversation chat) {
        return chat.onTool("get_weather", args -> "sunny, 18 C (key " + API_KEY + ", sent as Bearer " + API_KEY + ")")
                .onTool("get_time", args -> "14:05");
    }

    /** Records the conversation into {@code store}; returns its two responses once all its events are stored. */
    static Recorded record(FakeUpstream server, EventStore store) {
        server.enqueue(server.streamFixture("parallel-tool-calls.sse"), server.streamFixture("text.sse"),
                server.streamFixture("text.sse"));
        Provider provider = ProviderFactories.discover(ProviderHost.publishingTo(EventBus.create(), WebClient::builder))
                .create(ProviderSpec.of("openai", API_KEY, server.url("/v1")));
        try (Conversation chat = withTools(PromptKit.open(PACK, "assistant", ConversationOptions.builder()
                .provider(provider).apiKey(API_KEY).eventStore(store).build()))) {
            List<Response> responses = USER_TEXTS.stream().map(chat::send).toList();
            Await.until("both turns recorded", Duration.ofSeconds(30), () -> store.read(chat.id())
                    .filter(event -> event.type().equals("pipeline.completed")).count().block() == 2);
            return new Recorded(chat.id(), responses);
        }
        finally {
            provider.close();
        }
    }

    /** A recorded conversation's id and the responses it got. */
    record Recorded(String conversationId, List<Response> responses) {
    }
}
