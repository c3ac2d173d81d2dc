/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.context.ContextBudget;
import dev.promptkit.event.ContextTruncatedEvent;
import dev.promptkit.context.ContextDecision;
import dev.promptkit.context.FittedContext;
import dev.promptkit.types.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Fits the conversation into the {@link ContextBudget} before the provider stage: passes on the messages
 * to send, and only those, in their order. Only history messages are ever dropped (the turn's own are in
 * the current exchange, which is always sent); a summary travels as a history message, so it is sent but
 * never stored. What was decided is put on the turn's attributes under {@link #DECISION_ATTRIBUTE} as a
 * {@link ContextDecision}, and logged at debug level when the request was cut. Counting runs on the
 * bounded elastic scheduler, since the first count for an OpenAI model loads its encoding from the class
 * path.
 *
 * <p>The budget applies to the request that opens the turn; the tool rounds of the turn add to it.
 *
 * @since 0.1.0
 */
public final class ContextBudgetStage implements Stage {

    public static final String NAME = "context_budget";

    /** The attribute holding this turn's {@link ContextDecision}. */
    public static final String DECISION_ATTRIBUTE = "context.decision";

    private static final Logger log = LoggerFactory.getLogger(ContextBudgetStage.class);

    private final ContextBudget budget;

    public ContextBudgetStage(ContextBudget budget) {
        this.budget = budget;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageType type() {
        return StageType.ACCUMULATE;
    }

    @Override
    public Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn) {
        return in.collectList().flatMapMany(elements -> {
            List<Message> conversation = elements.stream().filter(StreamElement::isMessage)
                    .map(StreamElement::message).toList();
            return budget.fit(conversation, turn.systemPrompt(), turn.model(), turn.parameters().maxTokens())
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMapIterable(fitted -> {
                        ContextDecision decision = fitted.decision();
                        turn.attributes().put(DECISION_ATTRIBUTE, decision);
                        if (decision.truncated()) {
                            turn.publish(() -> new ContextTruncatedEvent(Instant.now(), turn.conversationId(),
                                    decision.truncation().name().toLowerCase(java.util.Locale.ROOT),
                                    decision.messagesDropped() + decision.messagesSummarized(),
                                    decision.tokensBefore(), decision.tokensSent()));
                            log.debug("Conversation {}: request cut to fit the token budget: {}", turn.conversationId(),
                                    decision);
                        }
                        return sent(elements, fitted);
                    });
        });
    }

    /** The elements to pass on: the non-message ones, the messages to send, and new ones (a summary) among them. */
    private static List<StreamElement> sent(List<StreamElement> elements, FittedContext fitted) {
        List<Message> messages = fitted.messages();
        Set<Message> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(messages);
        List<StreamElement> sent = new ArrayList<>(elements.size() + 1);
        int next = 0;
        for (StreamElement element : elements) {
            if (!element.isMessage()) {
                sent.add(element);
            }
            else if (kept.contains(element.message())) {
                while (messages.get(next) != element.message()) {
                    sent.add(StreamElement.historyMessage(messages.get(next++)));
                }
                sent.add(element);
                next++;
            }
        }
        while (next < messages.size()) {
            sent.add(StreamElement.historyMessage(messages.get(next++)));
        }
        return sent;
    }
}
