/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.a2a;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.promptkit.a2a.server.A2aReply;
import dev.promptkit.a2a.server.A2aServer;
import io.a2a.spec.AgentCard;
import io.a2a.util.Utils;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The HTTP side of the {@link A2aServer}: each agent's card at {@code <path>/<agent>/.well-known/agent-card.json},
 * the entry agent's card at {@code /.well-known/agent-card.json} (and the older {@code /.well-known/agent.json}),
 * JSON-RPC at {@code <path>/<agent>}, {@code message/stream} answered as server-sent events. Cards name the URL the
 * request came to.
 */
final class A2aRoutes {

    static final String CARD_PATH = "/.well-known/agent-card.json";
    static final String LEGACY_CARD_PATH = "/.well-known/agent.json";

    private final A2aServer server;
    private final String path;

    A2aRoutes(A2aServer server, String path) {
        this.server = server;
        this.path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET(CARD_PATH, this::entryCard)
                .GET(LEGACY_CARD_PATH, this::entryCard)
                .GET(path + "/{agent}" + CARD_PATH, request -> card(request, request.pathVariable("agent")))
                .POST(path + "/{agent}", this::call)
                .build();
    }

    private Mono<ServerResponse> entryCard(ServerRequest request) {
        return server.entryAgent().map(agent -> card(request, agent)).orElseGet(() -> notFound(
                "this application names no entry agent (the pack's agents.entry); the agents' cards are at " + path
                        + "/<agent>" + CARD_PATH));
    }

    private Mono<ServerResponse> card(ServerRequest request, String agent) {
        if (!server.agents().contains(agent)) {
            return unknown(agent);
        }
        URI uri = request.uri();
        AgentCard card = server.card(agent, uri.getScheme() + "://" + uri.getRawAuthority() + path + "/" + agent);
        try {
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Utils.OBJECT_MAPPER.writeValueAsString(card));
        }
        catch (JsonProcessingException e) {
            return Mono.error(e);
        }
    }

    private Mono<ServerResponse> call(ServerRequest request) {
        String agent = request.pathVariable("agent");
        if (!server.agents().contains(agent)) {
            return unknown(agent);
        }
        return request.bodyToMono(String.class).defaultIfEmpty("").flatMap(body -> {
            A2aReply reply = server.handle(agent, body);
            if (reply instanceof A2aReply.Stream stream) {
                return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(BodyInserters
                        .fromServerSentEvents(stream.events().map(data -> ServerSentEvent.builder(data).build())));
            }
            return ((A2aReply.Single) reply).json().flatMap(json -> ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(json));
        });
    }

    private Mono<ServerResponse> unknown(String agent) {
        return notFound("no agent '" + agent + "' here; the agents: " + String.join(", ", server.agents()));
    }

    private static Mono<ServerResponse> notFound(String message) {
        return ServerResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Utils.toJsonString(Map.of("error", message)));
    }
}
