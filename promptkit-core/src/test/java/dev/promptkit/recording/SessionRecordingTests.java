/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.http.FakeUpstream;
import dev.promptkit.provider.replay.ReplayProvider;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.sdk.Response;
import dev.promptkit.secret.SecretRedactor;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A conversation with a real provider's wire format recorded into a JSON lines file, then replayed by the
 * {@link ReplayProvider} with the same answers and tool calls, and no request upstream.
 */
class SessionRecordingTests {

    @RegisterExtension
    final FakeUpstream upstream = OpenAiSession.upstream();

    @TempDir
    Path directory;

    @Test
    void aRecordedSessionReplaysWithTheSameAnswersAndToolCalls() {
        FileEventStore store = new FileEventStore(directory);
        OpenAiSession.Recorded recorded = OpenAiSession.record(upstream, store);
        SessionRecording session = SessionRecording.read(store.file(recorded.conversationId()));
        int upstreamRequests = upstream.requestCount();

        assertThat(session.userTexts()).isEqualTo(OpenAiSession.USER_TEXTS);
        assertThat(replay(session)).zipSatisfy(recorded.responses(), SessionRecordingTests::sameAnswer);
        assertThat(upstream.requestCount()).as("a replay never calls the upstream").isEqualTo(upstreamRequests);
    }

    @Test
    void eachLineIsOneEventOfTheCatalogueInTurnOrder() throws IOException {
        FileEventStore store = new FileEventStore(directory);
        OpenAiSession.Recorded recorded = OpenAiSession.record(upstream, store);

        List<String> lines = Files.readAllLines(store.file(recorded.conversationId()));
        List<String> types = lines.stream().map(line -> JsonMapper.shared().readTree(line).get("type").asString())
                .toList();

        assertThat(types.subList(0, 2)).containsExactly("pipeline.started", "message.created");
        assertThat(types).contains("provider.call.started", "provider.call.completed", "tool.call.started",
                "tool.call.completed", "state.saved", "state.loaded", "pipeline.completed");
        assertThat(types).filteredOn("message.created"::equals).hasSize(7);
        assertThat(lines).allSatisfy(line -> assertThat(JsonMapper.shared().readTree(line).get("conversation_id")
                .asString()).isEqualTo(recorded.conversationId()));
        assertThat(SessionRecording.read(store.file(recorded.conversationId())).messages())
                .extracting(message -> message.role()).containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL,
                        Role.TOOL, Role.ASSISTANT, Role.USER, Role.ASSISTANT);
    }

    @Test
    void aRecordingNeverHoldsTheApiKey() throws IOException {
        FileEventStore store = new FileEventStore(directory);
        OpenAiSession.Recorded recorded = OpenAiSession.record(upstream, store);

        String file = Files.readString(store.file(recorded.conversationId()), StandardCharsets.UTF_8);

        assertThat(recorded.responses().get(0).toolResults().get(0).content()).contains(OpenAiSession.API_KEY);
        assertThat(file).doesNotContain(OpenAiSession.API_KEY).doesNotContain("recordingTestKey")
                .contains("sunny, 18 C (key " + SecretRedactor.REDACTED);
    }

    @Test
    void anExportReadsBackAsTheStoredSession() {
        FileEventStore store = new FileEventStore(directory);
        OpenAiSession.Recorded recorded = OpenAiSession.record(upstream, store);
        Path export = directory.resolve("exports/session.jsonl");

        SessionRecording.load(store, recorded.conversationId()).block().write(export);

        assertThat(SessionRecording.read(export))
                .isEqualTo(SessionRecording.load(store, recorded.conversationId()).block());
        assertThatThrownBy(() -> SessionRecording.load(store, "never-recorded").block())
                .hasMessageContaining("No recorded events for conversation 'never-recorded'")
                .hasMessageContaining(directory.toString());
    }

    @Test
    void aReplayThatLeavesTheRecordingFailsSayingWhere() {
        FileEventStore store = new FileEventStore(directory);
        OpenAiSession.Recorded recorded = OpenAiSession.record(upstream, store);
        SessionRecording session = SessionRecording.load(store, recorded.conversationId()).block();

        try (Conversation replay = OpenAiSession.withTools(PromptKit.replay(OpenAiSession.PACK, "assistant", session,
                ConversationOptions.defaults()))) {
            assertThatThrownBy(() -> replay.send("Something else"))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageContaining("left the recording: call 1 follows the user message 'Something else',"
                            + " the recorded answer followed 'What's the weather and the time?'");
        }
        try (Conversation replay = OpenAiSession.withTools(PromptKit.replay(OpenAiSession.PACK, "assistant", session,
                ConversationOptions.defaults()))) {
            OpenAiSession.USER_TEXTS.forEach(replay::send);
            assertThatThrownBy(() -> replay.send("Thanks!"))
                    .hasMessageContaining("call 4 has no recorded answer: the recording has 3");
        }
    }

    @Test
    void aLineThatIsNotAnEventIsNamedWithItsFileAndLine() throws IOException {
        Path file = directory.resolve("broken.jsonl");
        Files.writeString(file, "{\"type\":\"pipeline.started\",\"conversation_id\":\"c\",\"data\":{}}\n\nnot json\n");

        assertThatThrownBy(() -> SessionRecording.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file + " line 3 is not a recorded event");
    }

    static List<Response> replay(SessionRecording session) {
        try (Conversation replay = OpenAiSession.withTools(PromptKit.replay(OpenAiSession.PACK, "assistant", session,
                ConversationOptions.defaults()))) {
            return session.userTexts().stream().map(replay::send).toList();
        }
    }

    static void sameAnswer(Response replayed, Response recorded) {
        assertThat(replayed.text()).isEqualTo(recorded.text());
        assertThat(replayed.toolCalls()).extracting(ToolCall::id, ToolCall::name, ToolCall::argumentsJson)
                .isEqualTo(recorded.toolCalls().stream().map(call -> org.assertj.core.groups.Tuple.tuple(call.id(),
                        call.name(), call.argumentsJson())).toList());
        assertThat(replayed.inputTokens()).isEqualTo(recorded.inputTokens());
        assertThat(replayed.outputTokens()).isEqualTo(recorded.outputTokens());
    }
}
