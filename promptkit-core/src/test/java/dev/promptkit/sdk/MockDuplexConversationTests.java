/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static dev.promptkit.sdk.DuplexChunks.text;
import static dev.promptkit.sdk.DuplexChunks.untilTurns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.promptkit.duplex.AudioFormat;
import dev.promptkit.duplex.ImageFrame;
import dev.promptkit.duplex.Pcm16;
import dev.promptkit.event.Event;
import dev.promptkit.event.EventBus;
import dev.promptkit.event.Phase;
import dev.promptkit.event.ProviderCallEvent;
import dev.promptkit.event.ToolCallEvent;
import dev.promptkit.media.TestImages;
import dev.promptkit.media.VideoStreamConfig;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.tool.ToolLoopException;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class MockDuplexConversationTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/duplex/voice.pack.json"));
    private static final Duration TIMEOUT = Duration.ofSeconds(DuplexChunks.TIMEOUT_SECONDS);

    private final InMemoryStateStore store = new InMemoryStateStore();

    private ConversationOptions.Builder options(Provider provider) {
        return ConversationOptions.builder().provider(provider).stateStore(store).variable("user_name", "Ada");
    }

    @Test
    void aTextOnlySessionEchoesTextAndStoresTheTurn() {
        DuplexConversation chat = PromptKit.openDuplex(PACK, "voice", options(MockProvider.builder().build())
                .duplex(DuplexOptions.DEFAULTS.textOnly()).build());

        List<StreamChunk> chunks = untilTurns(chat, 1, () -> chat.sendText("Hello there"));
        assertThat(text(chunks, StreamChunk.Type.TEXT)).isEqualTo("Echo: Hello there");
        StreamChunk turn = chunks.get(chunks.size() - 1);
        assertThat(turn.type()).isEqualTo(StreamChunk.Type.TURN_COMPLETE);
        assertThat(turn.response().text()).isEqualTo("Echo: Hello there");
        assertThat(turn.response().outputTokens()).isPositive();
        assertThat(chat.messages()).extracting(Message::role, Message::text).containsExactly(
                tuple(Role.USER, "Hello there"), tuple(Role.ASSISTANT, "Echo: Hello there"));
        chat.close();
        StepVerifier.create(chat.done()).expectComplete().verify(TIMEOUT);
        assertThat(chat.sessionError()).isEmpty();
    }

    @Test
    void anAudioTurnCallsAToolMidSessionAndAnswersWithSpeech() {
        EventBus bus = EventBus.create();
        List<Event> events = new CopyOnWriteArrayList<>();
        bus.subscribeSynchronous(events::add);
        MockProvider mock = MockProvider.builder().script(MockScript.fromClasspath("duplex/mock-script.yaml")).build();
        DuplexConversation chat = PromptKit.openDuplex(PACK, "voice", options(mock).eventBus(bus).build());
        List<Map<String, Object>> toolArguments = new CopyOnWriteArrayList<>();
        chat.onTool("get_weather", arguments -> {
            toolArguments.add(arguments);
            return Map.of("forecast", "sunny", "celsius", 24);
        });

        List<StreamChunk> chunks = untilTurns(chat, 2, () -> {
            chat.sendChunk(Pcm16.tone(AudioFormat.PCM16_16KHZ_MONO, Duration.ofMillis(200), 300));
            chat.triggerStart();
        });

        assertThat(text(chunks, StreamChunk.Type.INPUT_TRANSCRIPT)).isEqualTo("What's the weather in Paris?");
        assertThat(text(chunks, StreamChunk.Type.OUTPUT_TRANSCRIPT)).isEqualTo("Let me check. It is sunny in Paris.");
        assertThat(chunks).filteredOn(chunk -> chunk.type() == StreamChunk.Type.AUDIO).isNotEmpty()
                .allSatisfy(chunk -> assertThat(chunk.audio().format()).isEqualTo(AudioFormat.PCM16_24KHZ_MONO));
        assertThat(chunks).filteredOn(chunk -> chunk.type() == StreamChunk.Type.TOOL_CALL).singleElement()
                .satisfies(chunk -> assertThat(chunk.toolCall().name()).isEqualTo("get_weather"));
        assertThat(toolArguments).containsExactly(Map.of("city", "Paris"));

        List<Message> messages = chat.messages();
        assertThat(messages).extracting(Message::role).containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL,
                Role.ASSISTANT);
        assertThat(messages.get(0).text()).isEqualTo("What's the weather in Paris?");
        assertThat(messages.get(1).toolCalls()).singleElement().satisfies(call -> assertThat(call.name())
                .isEqualTo("get_weather"));
        assertThat(messages.get(2).toolResult().content()).contains("sunny");
        assertThat(messages.get(3).text()).isEqualTo("It is sunny in Paris.");
        assertThat(messages.get(3).costInfo().totalCostUsd()).isPositive();

        assertThat(events).filteredOn(ProviderCallEvent.class::isInstance).map(ProviderCallEvent.class::cast)
                .extracting(ProviderCallEvent::phase)
                .containsExactly(Phase.STARTED, Phase.COMPLETED, Phase.STARTED, Phase.COMPLETED);
        assertThat(events).filteredOn(ToolCallEvent.class::isInstance).map(ToolCallEvent.class::cast)
                .extracting(ToolCallEvent::phase).containsExactly(Phase.STARTED, Phase.COMPLETED);
        chat.close();
    }

    @Test
    void aModelThatKeepsRepeatingOneToolCallEndsTheSession() {
        MockProvider looping = MockProvider.builder().script(MockScript.parse("""
                rules:
                  - match: "loop"
                    response: {tool_calls: [{name: get_weather, arguments: {city: Oslo}}]}
                    after_tools: {tool_calls: [{name: get_weather, arguments: {city: Oslo}}]}
                """)).build();
        DuplexConversation chat = PromptKit.openDuplex(PACK, "voice", options(looping).build());
        chat.onTool("get_weather", arguments -> "rainy");

        chat.sendText("loop please");

        StepVerifier.create(chat.done()).expectComplete().verify(TIMEOUT);
        assertThat(chat.sessionError()).get().isInstanceOf(ToolLoopException.class).asString()
                .contains("get_weather");
    }

    @Test
    void theTypeDecidesWhichCallsAConversationTakes() {
        assertThat(methodNames(DuplexConversation.class)).contains("sendText", "sendChunk", "response", "done")
                .doesNotContain("send", "stream", "continueTurn", "resolveTool");
        assertThat(methodNames(Conversation.class)).contains("send", "stream", "continueTurn", "resolveTool")
                .doesNotContain("sendText", "sendChunk", "response", "done");
    }

    private static List<String> methodNames(Class<?> type) {
        return java.util.Arrays.stream(type.getMethods()).map(java.lang.reflect.Method::getName).toList();
    }

    @Test
    void openDuplexNeedsAProviderWithADuplexMode() {
        Provider textOnly = new Provider() {
            public String name() {
                return "plain";
            }

            public String type() {
                return "plain";
            }

            public String defaultModel() {
                return "plain-model";
            }

            public Flux<ProviderChunk> stream(ProviderRequest request) {
                return Flux.empty();
            }
        };

        assertThatThrownBy(() -> PromptKit.openDuplex(PACK, "voice", ConversationOptions.builder().provider(textOnly)
                .variable("user_name", "Ada").build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'plain'")
                .hasMessageContaining("no duplex mode");
    }

    @Test
    void encodedVideoIsRefusedWithAHintWhileImageChunksGoAsFrames() {
        DuplexConversation chat = PromptKit.openDuplex(PACK, "voice", options(MockProvider.builder().build()).build());

        chat.sendVideoChunk(new byte[] {1, 2, 3}, "image/jpeg");
        assertThatThrownBy(() -> chat.sendVideoChunk(new byte[] {1, 2, 3}, "video/mp4"))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("video/mp4")
                .hasMessageContaining("frames");
        chat.close();
    }

    @Test
    void streamingVideoDropsFramesAboveTheTargetRateAndShrinksTheOthersBeforeTheSession() {
        FrameRecordingProvider provider = new FrameRecordingProvider(MockProvider.builder().build());
        DuplexConversation chat = PromptKit.openDuplex(PACK, "voice", options(provider)
                .streamingVideo(VideoStreamConfig.DEFAULTS.withTargetFps(2).withMaxSize(64, 64))
                .build());
        byte[] camera = TestImages.jpeg(TestImages.photo(320, 160));

        for (long millis = 0; millis < 1000; millis += 100) {
            chat.sendFrame(new ImageFrame(camera, "image/jpeg", 320, 160, millis));
        }

        assertThat(provider.frames).as("10 frames a second thinned to 2").extracting(ImageFrame::timestampMillis)
                .containsExactly(0L, 500L);
        assertThat(provider.frames).allSatisfy(frame -> {
            assertThat(frame.mimeType()).isEqualTo("image/jpeg");
            assertThat(frame.width()).isEqualTo(64);
            assertThat(frame.height()).isEqualTo(32);
            assertThat(TestImages.read(frame.data()).getWidth()).isEqualTo(64);
        });
        chat.close();
    }

    @Test
    void withoutStreamingVideoFramesGoToTheSessionAsTheyCome() {
        FrameRecordingProvider provider = new FrameRecordingProvider(MockProvider.builder().build());
        DuplexConversation chat = PromptKit.openDuplex(PACK, "voice", options(provider).build());
        ImageFrame frame = new ImageFrame(new byte[] {1, 2, 3}, "image/png", 1, 1, 0);

        chat.sendFrame(frame);
        chat.sendFrame(frame);

        assertThat(provider.frames).containsExactly(frame, frame);
        chat.close();
    }

    @Test
    void aClosedDuplexConversationEndsItsSessionAndRefusesInput() {
        DuplexConversation chat = PromptKit.openDuplex(PACK, "voice", options(MockProvider.builder().build()).build());
        StepVerifier.FirstStep<StreamChunk> response = StepVerifier.create(chat.response());

        chat.close();

        response.expectComplete().verify(TIMEOUT);
        StepVerifier.create(chat.done()).expectComplete().verify(TIMEOUT);
        assertThat(chat.sessionError()).isEmpty();
        assertThatThrownBy(() -> chat.sendText("Hi")).isInstanceOf(ConversationClosedException.class);
    }

    @Test
    void conversationsOpenDuplexConversationsOnTheirSharedStore() {
        Conversations conversations = Conversations.builder().pack("voice", PACK)
                .options(options(MockProvider.builder().build()).duplex(DuplexOptions.DEFAULTS.textOnly()).build())
                .build();

        DuplexConversation chat = conversations.openDuplex("voice");
        untilTurns(chat, 1, () -> chat.sendText("Hi"));
        assertThat(conversations.resume(chat.id(), "voice").messages()).extracting(Message::text)
                .containsExactly("Hi", "Echo: Hi");
        chat.close();
    }
}
