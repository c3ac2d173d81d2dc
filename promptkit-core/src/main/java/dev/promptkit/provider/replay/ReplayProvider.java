/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.replay;

import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.recording.SessionRecording;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;

/**
 * Answers from a recorded session instead of a model, as the Go original's replay provider does in its turn order:
 * the n-th call gets the n-th recorded assistant answer (its text, its tool calls with their recorded ids and
 * arguments, its finish reason and token counts), with no delay. So a recorded production conversation becomes a
 * test: send the recorded user messages ({@link SessionRecording#userTexts()}) through a conversation on this
 * provider, and the answers and tool calls are the recorded ones. It checks that the replay follows the recording: a
 * call whose last user message is not the one the recorded answer followed, or a call past the last recorded
 * answer, fails with a {@link ProviderException} saying where the replay left the recording.
 *
 * <p>One instance replays one conversation, once (it keeps its place); make a new one per replay.
 *
 * @since 0.1.0
 */
public final class ReplayProvider implements Provider {

    /** The name and type of a replay provider. */
    public static final String NAME = "replay";

    private final String conversationId;
    private final List<RecordedAnswer> answers;
    private final String model;
    private final AtomicInteger next = new AtomicInteger();

    private ReplayProvider(SessionRecording recording) {
        this.conversationId = recording.conversationId();
        this.answers = index(recording.messages());
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("The recording of conversation '" + conversationId + "' holds no"
                    + " assistant message (message.created event of role assistant) to replay");
        }
        Object recordedModel = answers.get(0).message().meta().get("model");
        this.model = recordedModel != null ? recordedModel.toString() : NAME;
    }

    /** A provider replaying {@code recording}'s answers in order. */
    public static ReplayProvider of(SessionRecording recording) {
        return new ReplayProvider(Objects.requireNonNull(recording, "recording"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String type() {
        return NAME;
    }

    /** The model the recorded session used (the first answer's), else {@code replay}. */
    @Override
    public String defaultModel() {
        return model;
    }

    /** How many recorded answers have not been replayed yet. */
    public int remaining() {
        return Math.max(0, answers.size() - next.get());
    }

    @Override
    public Flux<ProviderChunk> stream(ProviderRequest request) {
        return Flux.defer(() -> {
            int index = next.getAndIncrement();
            if (index >= answers.size()) {
                return Flux.error(diverged("call " + (index + 1) + " has no recorded answer: the recording has "
                        + answers.size()));
            }
            RecordedAnswer answer = answers.get(index);
            String asked = lastUserText(request.messages());
            if (!Objects.equals(asked, answer.userText())) {
                return Flux.error(diverged("call " + (index + 1) + " follows the user message '" + asked
                        + "', the recorded answer followed '" + answer.userText() + "'"));
            }
            return Flux.fromIterable(chunks(answer.message()));
        });
    }

    private ProviderException diverged(String where) {
        return new ProviderException(NAME, ProviderException.Kind.BAD_REQUEST, 0, "The replay of conversation '"
                + conversationId + "' left the recording: " + where, false, null, null);
    }

    private static List<ProviderChunk> chunks(Message message) {
        List<ProviderChunk> chunks = new ArrayList<>(message.toolCalls().size() + 2);
        String text = message.text();
        if (text != null && !text.isEmpty()) {
            chunks.add(ProviderChunk.text(text));
        }
        message.toolCalls().forEach(call -> chunks.add(ProviderChunk.toolCall(call)));
        CostInfo cost = message.costInfo() != null ? message.costInfo() : CostInfo.ZERO;
        String finish = message.finishReason() != null ? message.finishReason()
                : message.hasToolCalls() ? "tool_calls" : "stop";
        chunks.add(ProviderChunk.finish(finish, new TokenUsage(cost.inputTokens(), cost.outputTokens(),
                cost.cachedTokens(), 0, 0)));
        return chunks;
    }

    /** Each assistant message with the last user message before it. */
    private static List<RecordedAnswer> index(List<Message> messages) {
        List<RecordedAnswer> answers = new ArrayList<>();
        String userText = null;
        for (Message message : messages) {
            if (message.role() == Role.USER) {
                userText = message.text();
            }
            else if (message.role() == Role.ASSISTANT) {
                answers.add(new RecordedAnswer(message, userText));
            }
        }
        return answers;
    }

    private static String lastUserText(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return messages.get(i).text();
            }
        }
        return null;
    }

    /** A recorded answer and the user message it followed. */
    private record RecordedAnswer(Message message, String userText) {
    }
}
