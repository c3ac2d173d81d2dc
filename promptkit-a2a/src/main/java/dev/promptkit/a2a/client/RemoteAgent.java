/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.a2a.client;

import io.a2a.client.http.A2ACardResolver;
import io.a2a.client.http.A2AHttpClient;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.client.transport.spi.interceptors.ClientCallContext;
import io.a2a.spec.AgentCard;
import io.a2a.spec.AgentSkill;
import io.a2a.spec.JSONRPCError;
import io.a2a.spec.Message;
import io.a2a.spec.MessageSendParams;
import io.a2a.spec.TextPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One remote A2A agent, its card read: sends it a text message over JSON-RPC ({@code message/stream} when its card
 * says it streams, else {@code message/send}) through the official A2A Java SDK's transport and answers with the
 * text it sent back. Errors name the agent, its URL and what went wrong; credentials never appear in them.
 *
 * @since 0.1.0
 */
public final class RemoteAgent {

    /** The metadata key of a message naming the skill it asks for. */
    public static final String SKILL_METADATA = "skillId";

    private final RemoteAgentConfig config;
    private final AgentCard card;
    private final JSONRPCTransport transport;

    private RemoteAgent(RemoteAgentConfig config, AgentCard card, JSONRPCTransport transport) {
        this.config = config;
        this.card = card;
        this.transport = transport;
    }

    /**
     * Reads the agent's card (blocking).
     *
     * @throws RemoteAgentCardException when the card cannot be read or is not valid
     */
    public static RemoteAgent connect(RemoteAgentConfig config, A2AHttpClient http) {
        String cardUrl = config.origin() + config.cardPath();
        AgentCard card;
        try {
            card = new A2ACardResolver(http, config.origin(), config.cardPath(), config.authHeaders()).getAgentCard();
        }
        catch (RuntimeException e) {
            throw new RemoteAgentCardException(config.name(), "A2A agent '" + config.name() + "': its card at "
                    + cardUrl + " cannot be read: " + reason(e), e);
        }
        if (card.url() == null || card.url().isBlank() || card.name() == null) {
            throw new RemoteAgentCardException(config.name(), "A2A agent '" + config.name() + "': its card at "
                    + cardUrl + " is not a valid agent card: it has no " + (card.name() == null ? "name" : "url"),
                    null);
        }
        return new RemoteAgent(config, card, new JSONRPCTransport(http, card, card.url(), List.of()));
    }

    public String name() {
        return config.name();
    }

    public AgentCard card() {
        return card;
    }

    /** The card's skill {@code skillId}. */
    public Optional<AgentSkill> skill(String skillId) {
        return card.skills() == null ? Optional.empty()
                : card.skills().stream().filter(skill -> skill.id().equals(skillId)).findFirst();
    }

    /** Whether the card says the agent streams ({@code capabilities.streaming}). */
    public boolean streams() {
        return card.capabilities() != null && card.capabilities().streaming();
    }

    /**
     * Sends {@code text} to the agent, asking for {@code skillId}, and answers with the agent's text.
     *
     * @param contextId the A2A context the message continues; {@code null} for a new one
     */
    public Mono<String> ask(String skillId, String text, String contextId) {
        Message message = new Message.Builder().role(Message.Role.USER).parts(List.of(new TextPart(text)))
                .messageId(UUID.randomUUID().toString()).contextId(contextId)
                .metadata(Map.of(SKILL_METADATA, skillId)).build();
        MessageSendParams params = new MessageSendParams(message, null, null);
        Mono<String> answer = streams() ? stream(params) : send(params);
        return answer.timeout(config.timeout())
                .onErrorMap(e -> new IllegalStateException("A2A agent '" + config.name() + "' at " + card.url()
                        + (e instanceof TimeoutException ? " did not answer within " + config.timeout()
                                : " failed: " + reason(e)), e));
    }

    private Mono<String> send(MessageSendParams params) {
        return Mono.fromCallable(() -> TaskAnswers.of(transport.sendMessage(params, context())))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<String> stream(MessageSendParams params) {
        return Mono.<String>create(sink -> {
            StreamedAnswer answer = new StreamedAnswer();
            try {
                transport.sendMessageStreaming(params, event -> {
                    try {
                        answer.accept(event).ifPresent(sink::success);
                    }
                    catch (RuntimeException e) {
                        sink.error(e);
                    }
                }, sink::error, context());
            }
            catch (Exception e) {
                sink.error(e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private ClientCallContext context() {
        return new ClientCallContext(Map.of(), config.authHeaders());
    }

    /**
     * What went wrong: the messages of {@code error} and its causes (a cause's class name when it has none), each
     * once; a JSON-RPC error with its code.
     */
    static String reason(Throwable error) {
        List<String> parts = new ArrayList<>();
        for (Throwable cause = error; cause != null && parts.size() < 8; cause = cause.getCause()) {
            String text = cause instanceof JSONRPCError rpc ? "JSON-RPC error " + rpc.getCode() + ": "
                    + rpc.getMessage() : cause.getMessage() != null && !cause.getMessage().isBlank()
                            ? cause.getMessage() : cause.getClass().getSimpleName();
            if (parts.stream().noneMatch(earlier -> earlier.contains(text))) {
                parts.add(text);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return String.join(": ", parts);
    }
}
