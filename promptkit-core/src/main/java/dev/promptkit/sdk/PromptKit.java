/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.replay.ReplayProvider;
import dev.promptkit.recording.SessionRecording;
import java.nio.file.Path;
import reactor.core.publisher.Mono;

/**
 * Entry points of the SDK without Spring: open a {@link Conversation} on a prompt of a pack file, resume a stored
 * one, open a {@link DuplexConversation} (a live voice or realtime session), or open or resume a pack's
 * {@link Workflow}.
 *
 * <pre>{@code
 * try (Conversation chat = PromptKit.open("assistant.pack.json", "chat")) {
 *     System.out.println(chat.send("Hello!").text());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class PromptKit {

    private PromptKit() {
    }

    /** Opens a conversation on prompt {@code promptName} of the pack at {@code packPath}, with default options. */
    public static Conversation open(String packPath, String promptName) {
        return open(packPath, promptName, ConversationOptions.defaults());
    }

    public static Conversation open(String packPath, String promptName, ConversationOptions options) {
        return open(load(packPath, options), promptName, options);
    }

    /** Opens a conversation on a prompt of an already loaded pack. */
    public static Conversation open(Pack pack, String promptName, ConversationOptions options) {
        return ConversationFactory.open(pack, promptName, options);
    }

    /**
     * Opens a conversation that answers from a recorded session ({@link ReplayProvider}) instead of a model, with
     * {@code options} otherwise (register the same tool handlers as the recorded conversation had):
     * <pre>{@code
     * SessionRecording session = SessionRecording.read(Path.of("src/test/resources/user-42.jsonl"));
     * try (Conversation replay = PromptKit.replay(pack, "chat", session, ConversationOptions.defaults())) {
     *     for (String text : session.userTexts()) {
     *         replay.send(text);
     *     }
     * }
     * }</pre>
     */
    public static Conversation replay(Pack pack, String promptName, SessionRecording recording,
            ConversationOptions options) {
        return open(pack, promptName, options.toBuilder().provider(ReplayProvider.of(recording)).build());
    }

    /** As {@link #replay(Pack, String, SessionRecording, ConversationOptions)}, for the pack at {@code packPath}. */
    public static Conversation replay(String packPath, String promptName, SessionRecording recording,
            ConversationOptions options) {
        return replay(load(packPath, options), promptName, recording, options);
    }

    /** Opens a duplex conversation on prompt {@code promptName} of the pack at {@code packPath}, with default options. */
    public static DuplexConversation openDuplex(String packPath, String promptName) {
        return openDuplex(packPath, promptName, ConversationOptions.defaults());
    }

    /**
     * Opens a duplex conversation. In ASM mode (the default), it is one live session with a provider that speaks a
     * realtime protocol (OpenAI Realtime, Gemini Live, or the mock), set up with the prompt's rendered system prompt
     * and tools and {@link VoiceOptions#duplex()}. In VAD mode ({@link VoiceOptions#vadMode()}), any
     * text provider answers: the user's speech is cut into turns, transcribed, answered by text turns of the
     * conversation and spoken. Returns once the session is open.
     *
     * @throws IllegalStateException when VAD mode is not set and the provider has no realtime session
     * @throws dev.promptkit.duplex.DuplexSessionException when the session cannot be opened
     */
    public static DuplexConversation openDuplex(String packPath, String promptName, ConversationOptions options) {
        return openDuplex(load(packPath, options), promptName, options);
    }

    public static DuplexConversation openDuplex(Pack pack, String promptName, ConversationOptions options) {
        return openDuplexAsync(pack, promptName, options).block();
    }

    /** Opens a duplex conversation without blocking; the {@link Mono} emits it once its session is open. */
    public static Mono<DuplexConversation> openDuplexAsync(Pack pack, String promptName, ConversationOptions options) {
        return ConversationFactory.openDuplex(pack, promptName, options);
    }

    /**
     * Reopens stored conversation {@code conversationId} from the options' state store.
     *
     * @throws NoStateStoreException when the options name no state store
     * @throws ConversationNotFoundException when the store does not hold that conversation
     */
    public static Conversation resume(String conversationId, String packPath, String promptName,
            ConversationOptions options) {
        return resume(conversationId, load(packPath, options), promptName, options);
    }

    public static Conversation resume(String conversationId, Pack pack, String promptName,
            ConversationOptions options) {
        return resumeAsync(conversationId, pack, promptName, options).block();
    }

    /** Reopens a stored conversation without blocking: the {@link Mono} emits it once its state was found. */
    public static Mono<Conversation> resumeAsync(String conversationId, Pack pack, String promptName,
            ConversationOptions options) {
        return ConversationFactory.resume(conversationId, pack, promptName, options);
    }

    /**
     * Opens the workflow of the pack at {@code packPath} in its entry state (see {@link Workflow}); the options'
     * conversation id, if any, becomes the workflow's id.
     *
     * @throws dev.promptkit.workflow.WorkflowDefinitionException when the pack has no runnable workflow
     */
    public static Workflow openWorkflow(String packPath, ConversationOptions options) {
        return openWorkflow(load(packPath, options), options);
    }

    public static Workflow openWorkflow(Pack pack, ConversationOptions options) {
        return openWorkflowAsync(pack, options).block();
    }

    /** Opens a workflow without blocking: the {@link Mono} emits it once its entry state is stored. */
    public static Mono<Workflow> openWorkflowAsync(Pack pack, ConversationOptions options) {
        return WorkflowFactory.open(pack, options);
    }

    /**
     * Reopens stored workflow {@code workflowId} from the options' state store, in the state it is stored in.
     *
     * @throws NoStateStoreException when the options name no state store
     * @throws dev.promptkit.workflow.WorkflowNotFoundException when the store holds no workflow under that id
     */
    public static Workflow resumeWorkflow(String workflowId, Pack pack, ConversationOptions options) {
        return resumeWorkflowAsync(workflowId, pack, options).block();
    }

    public static Mono<Workflow> resumeWorkflowAsync(String workflowId, Pack pack, ConversationOptions options) {
        return WorkflowFactory.resume(workflowId, pack, options);
    }

    private static Pack load(String packPath, ConversationOptions options) {
        return PackLoader.load(Path.of(packPath), options.validation().skipSchemaValidation()
                ? PackLoader.Options.SKIP_SCHEMA_VALIDATION : PackLoader.Options.DEFAULTS);
    }
}
