/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.pack.Pack;
import dev.promptkit.recording.SessionRecording;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.tool.InMemoryPendingStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * A factory of conversations over a set of named packs and shared options (provider, state store,
 * prices). This is what the Spring starter exposes as a bean; it is just as useful without Spring.
 *
 * <pre>{@code
 * Conversations conversations = Conversations.builder()
 *         .pack("support", PackLoader.load(Path.of("support.pack.json")))
 *         .options(ConversationOptions.builder().stateStore(store).build())
 *         .build();
 * Conversation chat = conversations.open("chat");
 * Conversation again = conversations.resume(chat.id(), "chat");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Conversations {

    private final Map<String, Pack> packs;
    private final String defaultPack;
    private final ConversationOptions defaults;
    /** The setups of conversations opened with the defaults, by pack and prompt name: built once, not per open. */
    private final Map<String, ConversationSetup> sharedSetups = new ConcurrentHashMap<>();
    private final OpenWorkflows openWorkflows = new OpenWorkflows();

    private Conversations(Map<String, Pack> packs, String defaultPack, ConversationOptions defaults) {
        this.packs = Map.copyOf(packs);
        this.defaultPack = defaultPack;
        this.defaults = defaults;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Opens a conversation on a prompt of the default pack; with no default pack, on the one pack that
     * has a prompt of that name.
     */
    public Conversation open(String promptName) {
        return open(packOf(promptName), promptName);
    }

    public Conversation open(String packName, String promptName) {
        return open(packName, promptName, defaults);
    }

    /** Opens a conversation with options other than the shared ones (build them from {@link #defaults()}). */
    public Conversation open(String packName, String promptName, ConversationOptions options) {
        Pack pack = pack(packName);
        return sharesSetups(options) ? ConversationFactory.open(sharedSetup(packName, pack, promptName), options)
                : ConversationFactory.open(pack, promptName, options);
    }

    /**
     * Opens a conversation on a prompt of the default pack (or of the one pack that has it) that answers from a
     * recorded session instead of a model (see {@link PromptKit#replay(Pack, String, SessionRecording,
     * ConversationOptions)}), with the shared options otherwise.
     */
    public Conversation replay(String promptName, SessionRecording recording) {
        String packName = packOf(promptName);
        return PromptKit.replay(pack(packName), promptName, recording, defaults);
    }

    /**
     * Opens a duplex conversation (see {@code PromptKit.openDuplex}) on a prompt of the default pack, or of the one
     * pack that has it; returns once its session is open.
     */
    public DuplexConversation openDuplex(String promptName) {
        return openDuplexAsync(packOf(promptName), promptName).block();
    }

    public DuplexConversation openDuplex(String packName, String promptName) {
        return openDuplexAsync(packName, promptName).block();
    }

    /** Opens a duplex conversation without blocking; the {@link Mono} emits it once its session is open. */
    public Mono<DuplexConversation> openDuplexAsync(String packName, String promptName) {
        return openDuplexAsync(packName, promptName, defaults);
    }

    public Mono<DuplexConversation> openDuplexAsync(String packName, String promptName, ConversationOptions options) {
        return Mono.defer(() -> ConversationFactory.openDuplex(pack(packName), promptName, options));
    }

    /** Reopens a stored conversation on a prompt of the default pack (or the one pack that has it). */
    public Conversation resume(String conversationId, String promptName) {
        return resumeAsync(conversationId, packOf(promptName), promptName).block();
    }

    public Conversation resume(String conversationId, String packName, String promptName) {
        return resumeAsync(conversationId, packName, promptName).block();
    }

    /** Reopens a stored conversation without blocking; fails with {@link ConversationNotFoundException}. */
    public Mono<Conversation> resumeAsync(String conversationId, String packName, String promptName) {
        return Mono.defer(() -> sharesSetups(defaults)
                ? ConversationFactory.resumeShared(conversationId, sharedSetup(packName, pack(packName), promptName),
                        defaults)
                : ConversationFactory.resume(conversationId, pack(packName), promptName, defaults));
    }

    /**
     * Reopens a stored conversation on the pack and prompt it was opened with (recorded in the store
     * at its first turn or {@link Conversation#saveAsync()}).
     */
    public Mono<Conversation> resumeAsync(String conversationId) {
        return Mono.defer(() -> defaults.state().store().load(conversationId))
                .switchIfEmpty(Mono.error(() -> new ConversationNotFoundException(conversationId)))
                .flatMap(state -> {
                    String packName = packNameOfId(state.metadata().get(StoredMetadata.PACK_KEY));
                    String promptName = state.metadata().get(StoredMetadata.PROMPT_KEY);
                    if (packName == null || promptName == null) {
                        return Mono.error(new ConversationNotFoundException(conversationId));
                    }
                    return resumeAsync(conversationId, packName, promptName);
                });
    }

    /**
     * Opens the workflow of pack {@code packName} (see {@link Workflow}); {@code null} names the default pack, or else
     * the one pack with a workflow.
     */
    public Workflow openWorkflow(String packName) {
        return openWorkflowAsync(packName, defaults).block();
    }

    /** Opens a workflow without blocking, with options other than the shared ones (build them from {@link #defaults()}). */
    public Mono<Workflow> openWorkflowAsync(String packName, ConversationOptions options) {
        return Mono.defer(() -> WorkflowFactory.open(pack(workflowPack(packName)), options))
                .map(openWorkflows::track);
    }

    /** Reopens stored workflow {@code workflowId} of pack {@code packName} ({@code null} as in {@link #openWorkflow}). */
    public Workflow resumeWorkflow(String workflowId, String packName) {
        return resumeWorkflowAsync(workflowId, packName).block();
    }

    public Mono<Workflow> resumeWorkflowAsync(String workflowId, String packName) {
        return Mono.defer(() -> WorkflowFactory.resume(workflowId, pack(workflowPack(packName)), defaults))
                .map(openWorkflows::track);
    }

    /** The workflows opened or resumed here and not closed yet (bounded; see {@link OpenWorkflows}). */
    public OpenWorkflows openWorkflows() {
        return openWorkflows;
    }

    /** The pack named, else the default pack, else the only pack with a workflow. */
    private String workflowPack(String packName) {
        if (packName != null && !packName.isEmpty()) {
            return packName;
        }
        if (defaultPack != null) {
            return defaultPack;
        }
        List<String> holders = packs.entrySet().stream().filter(entry -> entry.getValue().workflow() != null)
                .map(Map.Entry::getKey).sorted().toList();
        if (holders.size() != 1) {
            throw new IllegalArgumentException((holders.isEmpty() ? "No pack has a workflow" : "Several packs have a"
                    + " workflow " + holders) + "; name the pack: openWorkflow(pack); packs are "
                    + new TreeSet<>(packs.keySet()));
        }
        return holders.get(0);
    }

    private String packNameOfId(String packId) {
        return packs.entrySet().stream().filter(entry -> entry.getValue().id().equals(packId))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** The packs by name. */
    public Map<String, Pack> packs() {
        return packs;
    }

    /** The default pack's name, or {@code null} when prompts are found across packs. */
    public String defaultPackName() {
        return defaultPack;
    }

    /** The options every conversation gets unless others are passed. */
    public ConversationOptions defaults() {
        return defaults;
    }

    /** The default pack, or else the only pack with a prompt of that name. */
    private String packOf(String promptName) {
        if (defaultPack != null) {
            return defaultPack;
        }
        List<String> holders = packs.entrySet().stream().filter(entry -> entry.getValue().prompts().containsKey(promptName))
                .map(Map.Entry::getKey).sorted().toList();
        if (holders.size() == 1) {
            return holders.get(0);
        }
        if (holders.isEmpty()) {
            throw new PromptNotFoundException(String.join(", ", new TreeSet<>(packs.keySet())), promptName,
                    packs.values().stream().flatMap(pack -> pack.prompts().keySet().stream()).toList());
        }
        throw new IllegalArgumentException("Prompt '" + promptName + "' is in several packs " + holders
                + "; name the pack: open(pack, prompt)");
    }

    /** Whether conversations opened with {@code options} take a shared setup: the defaults, when they allow it. */
    private boolean sharesSetups(ConversationOptions options) {
        return options == defaults && ConversationFactory.shareable(options);
    }

    private ConversationSetup sharedSetup(String packName, Pack pack, String promptName) {
        return sharedSetups.computeIfAbsent(packName + '\n' + promptName,
                key -> ConversationFactory.sharedSetup(pack, promptName, defaults));
    }

    private Pack pack(String packName) {
        Pack pack = packs.get(packName);
        if (pack == null) {
            throw new IllegalArgumentException("No pack named '" + packName + "'; packs are " + new TreeSet<>(packs.keySet()));
        }
        return pack;
    }

    /** Every conversation of one factory shares one provider, one state store and one pending store (so that resume works). */
    private static ConversationOptions withSharedCollaborators(ConversationOptions options) {
        ConversationOptions.Builder shared = options.toBuilder();
        if (options.provider().instance() == null) {
            shared.provider(ProviderDetection.fromEnvironment().provider(options.provider()));
        }
        if (options.state().store() == null) {
            shared.stateStore(new InMemoryStateStore());
        }
        if (options.state().pendingStore() == null) {
            shared.state(state -> state.withPendingStore(new InMemoryPendingStore()));
        }
        return shared.build();
    }

    /** Builds {@link Conversations}. */
    public static final class Builder {

        private final Map<String, Pack> packs = new LinkedHashMap<>();
        private String defaultPack;
        private ConversationOptions defaults = ConversationOptions.defaults();

        private Builder() {
        }

        /** Adds a pack under a name. With one pack, it is the default. */
        public Builder pack(String name, Pack pack) {
            packs.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(pack, "pack"));
            return this;
        }

        /**
         * The pack {@code open(prompt)} uses; without one, {@code open(prompt)} finds the pack that has the
         * prompt (an error when several have it).
         */
        public Builder defaultPack(String name) {
            this.defaultPack = name;
            return this;
        }

        /** The options shared by every conversation; a state store here is shared too, so resume works. */
        public Builder options(ConversationOptions options) {
            this.defaults = Objects.requireNonNull(options, "options");
            return this;
        }

        public Conversations build() {
            if (packs.isEmpty()) {
                throw new IllegalStateException("Conversations need at least one pack");
            }
            String chosen = defaultPack == null && packs.size() == 1 ? packs.keySet().iterator().next() : defaultPack;
            if (chosen != null && !packs.containsKey(chosen)) {
                throw new IllegalStateException("The default pack '" + chosen + "' is not one of " + packs.keySet());
            }
            return new Conversations(packs, chosen, withSharedCollaborators(defaults));
        }
    }
}
