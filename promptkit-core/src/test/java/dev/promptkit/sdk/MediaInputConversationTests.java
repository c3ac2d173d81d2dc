/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.media.MediaValidationException;
import dev.promptkit.pack.Pack;
import dev.promptkit.provider.UnsupportedMediaException;
import dev.promptkit.provider.http.FakeUpstream;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.provider.openai.OpenAiProvider;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.types.Message;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Audio, video and documents sent through a conversation: the provider's refusals and the pack's limits. */
class MediaInputConversationTests {

    private static Pack pack(String mediaJson) {
        return MediaConversationTests.pack(mediaJson);
    }

    @RegisterExtension
    final FakeUpstream openAi = new FakeUpstream(OpenAiProvider.class, FakeUpstream.Framing.SSE);

    private final InMemoryStateStore store = new InMemoryStateStore();

    @Test
    void aPartTheProviderCannotTakeFailsTheTurnBeforeAnyCallAndStoresNothing() {
        OpenAiProvider provider = OpenAiProvider.builder().settings(HttpProviderSettings.builder()
                .baseUrl(openAi.url("/v1")).apiKey("sk-test-0123456789abcdef").build()).build();
        Conversation chat = PromptKit.open(pack("{\"enabled\": true}"), "chat", ConversationOptions.builder()
                .provider(provider).model("gpt-4o-audio-preview").stateStore(store).build());
        openAi.enqueue(openAi.streamFixture("text.sse"));
        chat.send("Hi");
        List<Message> before = chat.messages();

        assertThatThrownBy(() -> chat.send("What happens in it?", SendOptions.audioData(new byte[] { 1 }, "audio/wav"),
                SendOptions.videoData(new byte[] { 0, 0, 0, 20 }, "video/mp4")))
                .isInstanceOf(UnsupportedMediaException.class)
                .hasMessage("Provider 'openai' failed: model gpt-4o-audio-preview cannot take messages[2].parts[1]"
                        + " (video, video/mp4): Chat Completions takes no video; send frames of it as images");

        assertThat(openAi.requestCount()).isOne();
        assertThat(chat.messages()).isEqualTo(before).hasSize(2);
    }

    @Test
    void thePacksAudioAndDocumentLimitsNameThePartTheFormatAndTheSize() {
        Conversation chat = PromptKit.open(pack("""
                {"enabled": true, "supported_types": ["audio", "document"],
                 "audio": {"allowed_formats": ["wav"], "max_size_mb": 1},
                 "document": {"allowed_formats": ["pdf"], "max_size_mb": 1}}
                """), "chat", ConversationOptions.builder().provider(MockProvider.builder().build())
                .stateStore(store).build());

        assertThatThrownBy(() -> chat.send("Listen", SendOptions.audioData(new byte[] { 1 }, "audio/wav"),
                SendOptions.audioData(new byte[] { 1 }, "audio/mpeg")))
                .isInstanceOfSatisfying(MediaValidationException.class, failure -> {
                    assertThat(failure.limit()).isEqualTo("media.audio.allowed_formats");
                    assertThat(failure.partIndex()).isEqualTo(1);
                })
                .hasMessage("audio 2 of the message is audio/mpeg; the pack's media.audio.allowed_formats is [wav]");
        assertThatThrownBy(() -> chat.send("Read", SendOptions.documentData(new byte[1_100_000], "application/pdf")))
                .isInstanceOf(MediaValidationException.class)
                .hasMessage("document 1 of the message is 1.0 MB (1,100,000 bytes); the pack's"
                        + " media.document.max_size_mb is 1");
        assertThatThrownBy(() -> chat.send("Watch", SendOptions.videoData(new byte[] { 1 }, "video/mp4")))
                .isInstanceOf(MediaValidationException.class).hasMessage("video 1 of the message cannot be sent:"
                        + " the pack's media.supported_types is [audio, document]");

        assertThat(chat.messages()).isEmpty();
        assertThat(chat.send("Listen", SendOptions.audioData(new byte[] { 1 }, "audio/x-wav")).text()).isNotEmpty();
    }

    @Test
    void aResponseTellsWhetherItsAnswerCarriesMedia() {
        MockScript script = MockScript.parse("""
                turns:
                  - "Just text."
                  - parts:
                      - {type: text, text: "Here is the chart."}
                      - type: image
                        image_url: {url: "https://example.com/charts/q3.png"}
                  - parts:
                      - {type: text, text: "The same chart."}
                      - {type: image, image_url: {url: "https://example.com/charts/q3.png"}}
                """);
        Conversation chat = PromptKit.open(pack("{\"enabled\": true}"), "chat", ConversationOptions.builder()
                .provider(MockProvider.builder().script(script).build()).stateStore(store).build());

        assertThat(chat.send("Sales?").hasMedia()).isFalse();
        Response chart = chat.send("A chart?");
        assertThat(chart.hasMedia()).isTrue();
        assertThat(chart.text()).isEqualTo("Here is the chart.");
        assertThat(chart.parts()).extracting(part -> part.media().url())
                .containsExactly("https://example.com/charts/q3.png");
        assertThat(chat.messages().get(3).parts()).isEqualTo(chart.parts());

        List<StreamChunk> streamed = chat.stream("Again?").collectList().block(Duration.ofSeconds(10));
        assertThat(streamed).extracting(StreamChunk::type).contains(StreamChunk.Type.MEDIA)
                .last().isEqualTo(StreamChunk.Type.DONE);
        assertThat(streamed.get(streamed.size() - 1).response().hasMedia()).isTrue();
    }
}
