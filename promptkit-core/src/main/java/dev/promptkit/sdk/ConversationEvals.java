/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.eval.CompiledEval;
import dev.promptkit.eval.EvalContext;
import dev.promptkit.eval.EvalPrecondition;
import dev.promptkit.eval.EvalResult;
import dev.promptkit.eval.LiveEvalSession;
import dev.promptkit.eval.LiveEvaluator;
import dev.promptkit.event.EvalEvent;
import dev.promptkit.state.ConversationState;
import dev.promptkit.types.Message;
import dev.promptkit.validation.ValidatorRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live evals of one conversation, when its options name a {@link LiveEvaluator}: after each stored turn, hands
 * the turn's evals to the evaluator (never waiting); when a conversation that ran turns closes, its session-end
 * evals. Each result is stored beside its turn with a metadata-only append, which leaves the history's version
 * alone, so it never conflicts with the conversation's next turn, then published as an {@link EvalEvent}. A result
 * that cannot be stored is logged and counted, and still published.
 */
final class ConversationEvals {

    private static final Logger log = LoggerFactory.getLogger(ConversationEvals.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final String conversationId;
    private final ConversationSetup setup;
    private final LiveEvaluator evaluator;
    private final LiveEvalSession session;
    private final AtomicBoolean turned = new AtomicBoolean();

    ConversationEvals(String conversationId, ConversationSetup setup) {
        this.conversationId = conversationId;
        this.setup = setup;
        this.evaluator = setup.options().pipeline().liveEvals();
        this.session = evaluator == null ? null : evaluator.session(evaluator.plan(setup.pack(), setup.promptName(),
                Objects.requireNonNullElseGet(setup.options().validation().registry(), ValidatorRegistry::standard)));
    }

    /** Schedules the evals of a turn stored on history version {@code historyVersion}. */
    void afterTurn(Message userMessage, Response response, long historyVersion) {
        if (session == null) {
            return;
        }
        turned.set(true);
        List<CompiledEval> evals = session.forTurn();
        if (!evals.isEmpty()) {
            EvalContext context = EvalContexts.ofTurn(userMessage, response);
            evaluator.submit(() -> evals.forEach(eval -> run(eval, context, historyVersion + 1)));
        }
    }

    /** Schedules the session-end evals, on the stored conversation, if this conversation ran a turn. */
    void sessionComplete() {
        if (session == null || !turned.get()) {
            return;
        }
        List<CompiledEval> evals = session.atEnd();
        if (!evals.isEmpty()) {
            evaluator.submit(() -> {
                List<Message> messages = setup.stateStore().load(conversationId).map(ConversationState::messages)
                        .defaultIfEmpty(List.of()).block(STORE_TIMEOUT);
                EvalContext context = EvalContexts.ofConversation(messages);
                evals.forEach(eval -> run(eval, context, 0));
            });
        }
    }

    private void run(CompiledEval eval, EvalContext context, long turn) {
        if (!EvalPrecondition.of(eval.definition().when()).holds(context)) {
            return;
        }
        EvalResult result = eval.run(context);
        String trigger = eval.definition().trigger();
        if (evaluator.settings().storeResults()) {
            store(new StoredEvalResult(turn, setup.promptName(), trigger, result));
        }
        if (setup.events().hasListeners()) {
            setup.events().publish(new EvalEvent(Instant.now(), conversationId, setup.pack().id(),
                    setup.promptName(), result.evalId(), result.type(), trigger, turn, result.score(),
                    result.outcome(), result.message()));
        }
    }

    private void store(StoredEvalResult stored) {
        try {
            setup.stateStore().append(conversationId, List.of(), Map.of(stored.key(), stored.json()))
                    .block(STORE_TIMEOUT);
        }
        catch (RuntimeException ex) {
            evaluator.storeFailed();
            log.warn("Conversation {}: the result of eval {} could not be stored with turn {}: {}", conversationId,
                    stored.result().evalId(), stored.turn(), ex.toString());
        }
    }
}
