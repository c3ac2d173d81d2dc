/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.tool.ApprovalCheck;
import dev.promptkit.tool.LocalToolExecutor;
import dev.promptkit.tool.PendingResult;
import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.tool.PendingToolCallsException;
import dev.promptkit.tool.PendingToolDecidedException;
import dev.promptkit.tool.PendingToolNotFoundException;
import dev.promptkit.tool.ToolBinding;
import dev.promptkit.tool.ToolHandler;
import dev.promptkit.tool.ToolRegistry;
import dev.promptkit.types.ToolResult;
import dev.promptkit.voice.TextTurnRunner;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A conversation with a model, driven by one prompt of a pack. Each {@link #send} or {@link #stream} is a turn:
 * the stored history, the user's message and the rendered system prompt go to the provider, and the turn's
 * messages are stored when it completes. A failed or cancelled turn stores nothing. Turns of one conversation never
 * overlap: concurrent calls run one after another. For a live voice or realtime session, see
 * {@link DuplexConversation}.
 *
 * @since 0.1.0
 */
public final class Conversation extends AbstractConversation<Conversation> {

    private final HeldCallDecisions decisions;

    Conversation(String id, ConversationSetup setup, Map<String, String> initialVariables, ToolRegistry tools) {
        this(id, setup, initialVariables, tools, false);
    }

    Conversation(String id, ConversationSetup setup, Map<String, String> initialVariables, ToolRegistry tools,
            boolean fork) {
        super(id, setup, initialVariables, tools, fork);
        this.decisions = new HeldCallDecisions(id, setup.pendingStore());
    }

    /**
     * Sends a message, with optional attachments and reasoning settings for this turn ({@link SendOptions}), and waits
     * for the whole answer.
     */
    public Response send(String text, SendOption... attachments) {
        return sendAsync(text, attachments).block();
    }

    /** Sends a message; the {@link Mono} emits the whole answer when the turn has completed and been stored. */
    public Mono<Response> sendAsync(String text, SendOption... attachments) {
        return Mono.defer(() -> textTurns().send(textTurns().userMessage(text, attachments),
                TextTurns.reasoningOf(attachments)));
    }

    /**
     * Sends a message and streams the answer: text deltas and tool calls as they arrive, then one
     * {@link StreamChunk.Type#DONE} chunk with the {@link Response} once the turn has been stored.
     * Cancelling the subscription stops the provider call and stores nothing.
     */
    public Flux<StreamChunk> stream(String text, SendOption... attachments) {
        return Flux.defer(() -> textTurns().stream(textTurns().userMessage(text, attachments),
                TextTurns.reasoningOf(attachments)));
    }

    /** This conversation's turns as a voice session runs them (see {@link TextTurnRunner}). */
    public TextTurnRunner textTurnRunner() {
        return textTurns().runner(response -> {
        });
    }

    /**
     * Answers a pack tool with a handler that a human may have to approve first: when {@code check}
     * returns a {@link PendingResult}, the call is held, the turn ends with
     * {@link Response#pendingTools()}, and {@link #resolveTool}/{@link #rejectTool} then
     * {@link #continueTurn()} carry on.
     */
    public Conversation onToolAsync(String toolName, ApprovalCheck check, ToolHandler handler) {
        return bind(toolName, new ToolBinding(LocalToolExecutor.of(handler,
                setup().options().tools().blockingThreads()), check, "executor (approval)"));
    }

    /** The calls of this conversation waiting for someone to approve or reject them (in the shared pending store). */
    public List<PendingToolCall> pendingTools() {
        return pendingToolsAsync().block();
    }

    public Mono<List<PendingToolCall>> pendingToolsAsync() {
        return Mono.defer(() -> {
            ensureOpen();
            return decisions.waiting();
        });
    }

    /**
     * Approves a held call: runs its handler and keeps the result for the model to read on {@link #continueTurn()}
     * (or with the next message). Exactly one of several concurrent approvals (from any instance sharing the
     * pending store) runs it; approving it again once it has run gives the same result without running it again.
     *
     * @throws PendingToolNotFoundException when no such call is held
     * @throws PendingToolDecidedException when it was rejected, or still runs after another approval
     */
    public ToolResult resolveTool(String callId) {
        return resolveToolAsync(callId).block();
    }

    public Mono<ToolResult> resolveToolAsync(String callId) {
        return decide(callId, PendingToolCall.Decision.APPROVED, pending -> setup().toolRunner()
                .runApproved(pending.toolCall(), toolRegistry(), id(), setup().events()));
    }

    /**
     * Rejects a held call: the model is told it was rejected, and why, on {@link #continueTurn()} (or with the next
     * message). Rejecting it again before then replaces the reason.
     *
     * @throws PendingToolNotFoundException when no such call is held
     * @throws PendingToolDecidedException when it was approved
     */
    public ToolResult rejectTool(String callId, String reason) {
        return rejectToolAsync(callId, reason).block();
    }

    public Mono<ToolResult> rejectToolAsync(String callId, String reason) {
        return Mono.defer(() -> {
            String why = reason == null || reason.isBlank() ? null
                    : WellFormedText.require(reason, "The rejection reason");
            return decide(callId, PendingToolCall.Decision.REJECTED,
                    pending -> Mono.just(ToolResult.rejected(pending.id(), pending.name(), why)));
        });
    }

    /**
     * Resumes the turn after held calls were decided: the model reads the tool results and answers (or asks for
     * more tools). The results and the answer are stored together; if the turn fails, nothing is stored and the
     * results stay kept, so it can be continued again without running any tool twice.
     *
     * @throws PendingToolCallsException when calls still wait for approval (or run after it)
     */
    public Response continueTurn() {
        return continueTurnAsync().block();
    }

    public Mono<Response> continueTurnAsync() {
        return Mono.defer(() -> {
            ensureOpen();
            return textTurns().continueTurn();
        });
    }

    private Mono<ToolResult> decide(String callId, PendingToolCall.Decision decision,
            Function<PendingToolCall, Mono<ToolResult>> outcome) {
        return sequencer().serialize(Mono.defer(() -> {
            ensureOpen();
            return decisions.decide(callId, decision, outcome);
        }));
    }
}
