/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import dev.promptkit.provider.PooledConnectionEviction;
import dev.promptkit.provider.http.HttpProviderSettings;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpTransportSessionClosedException;
import io.modelcontextprotocol.spec.ProtocolVersions;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.ByteBufFlux;
import reactor.netty.ByteBufMono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The legacy HTTP+SSE transport of MCP 2024-11-05, on Reactor Netty: a GET opens the server's event stream, whose
 * first event ({@code endpoint}) names the URL that messages are POSTed to, and whose {@code message} events carry
 * the server's answers, requests and notifications. The configured headers go with the GET and every POST.
 *
 * <p>Written here rather than taken from the MCP SDK, whose SSE transport leaves requests waiting for their timeout
 * when the stream ends, waits for an endpoint that never comes as long as the caller lets it, and reads bodies
 * through loggers. Here:
 * <ul>
 * <li>the stream is opened on a connection of its own, within the init timeout; the endpoint event must arrive
 * within half of it (the other half is left for {@code initialize}), else the server is reported as sending none;</li>
 * <li>an error status (to the GET or a POST), a body that is not an event stream, an endpoint on another origin
 * (where the headers, and any credential in them, must not go), a message that is not JSON-RPC, an event over
 * 16 MiB, and the end of the stream all fail the transport at once: {@link #lost()} errors with an
 * {@link McpServerException} saying which, the calls under way fail with it, and a server that was up goes down
 * and reconnects on a later use after its backoff;</li>
 * <li>POSTs go through a small pool of their own and each must be accepted within the request timeout;</li>
 * <li>bodies are read as bytes, never through a codec that logs them, and every error passes through the
 * server's {@link dev.promptkit.secret.SecretRedactor} (in {@link McpServerException}).</li>
 * </ul>
 */
final class SseClientTransport implements McpClientTransport {

    private static final Logger log = LoggerFactory.getLogger(SseClientTransport.class);

    private static final int MAX_EVENT_BYTES = 16 << 20;
    private static final int MAX_POST_CONNECTIONS = 8;
    private static final int MAX_ERROR_BODY_CHARS = 300;
    private static final String EVENT_STREAM = "text/event-stream";

    private final McpServerConfig server;
    private final McpTransportConfig.Sse sse;
    private final McpJsonMapper json;
    private final ConnectionProvider postConnections;
    private final HttpClient posts;
    private final HttpClient stream;
    private final Sinks.One<URI> endpoint = Sinks.one();
    private final Sinks.Empty<Void> lost = Sinks.empty();
    private final Disposable.Swap streamSubscription = Disposables.swap();
    private final AtomicReference<Throwable> ended = new AtomicReference<>();
    private volatile boolean streamOpen;
    private volatile boolean endpointKnown;

    SseClientTransport(McpServerConfig server, McpTransportConfig.Sse sse, McpJsonMapper json) {
        this.server = server;
        this.sse = sse;
        this.json = json;
        this.postConnections = ConnectionProvider.builder("promptkit-mcp-" + server.name())
                .maxConnections(MAX_POST_CONNECTIONS)
                .pendingAcquireMaxCount(-1)
                // never a connection the server closed, or one idle long enough for a server or proxy to drop it
                .evictionPredicate(new PooledConnectionEviction(HttpProviderSettings.DEFAULT_MAX_IDLE_TIME))
                .evictInBackground(HttpProviderSettings.DEFAULT_MAX_IDLE_TIME.dividedBy(2))
                .build();
        this.posts = client(postConnections);
        this.stream = client(ConnectionProvider.newConnection());
    }

    private HttpClient client(ConnectionProvider connections) {
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, server.initTimeout().toMillis());
        return HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
                .headers(headers -> sse.headers().forEach(headers::set));
    }

    /** Errors with the reason as soon as the transport fails; never completes otherwise. */
    Mono<Void> lost() {
        return lost.asMono();
    }

    @Override
    public List<String> protocolVersions() {
        return List.of(ProtocolVersions.MCP_2024_11_05);
    }

    /** Opens the event stream; completes once the server has named its message endpoint. */
    @Override
    public Mono<Void> connect(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
        Duration wait = server.initTimeout().dividedBy(2);
        return Mono.defer(() -> {
            streamSubscription.update(events().subscribe(event -> accept(event, handler), this::streamFailed,
                    this::streamEnded));
            return endpoint.asMono();
        })
                .timeout(wait)
                .onErrorMap(TimeoutException.class, timeout -> problem(streamOpen
                        ? "sent no endpoint event within " + FailureReason.format(wait)
                        : "did not answer the event stream request within " + FailureReason.format(wait)))
                .doOnError(this::fail)
                .then();
    }

    /** POSTs the message once the endpoint is known; fails at once when the transport has failed or is closed. */
    @Override
    public Mono<Void> sendMessage(JSONRPCMessage message) {
        return Mono.defer(() -> ended.get() != null ? Mono.error(ended.get()) : endpoint.asMono())
                .flatMap(messages -> Mono.fromCallable(() -> json.writeValueAsString(message))
                        .flatMap(body -> post(messages, body)))
                .timeout(server.requestTimeout());
    }

    private Mono<Void> post(URI messages, String body) {
        return posts.headers(headers -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json"))
                .post()
                .uri(messages)
                .send(ByteBufMono.fromString(Mono.just(body)))
                .responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .flatMap(text -> response.status().code() / 100 == 2 ? Mono.<Void>empty()
                                : Mono.error(refusedMessage(response.status().code(), text))));
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return json.convertValue(data, typeRef);
    }

    /** Closes the event stream and the POST connections; messages waiting for the endpoint fail. */
    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> {
            McpTransportSessionClosedException closed = new McpTransportSessionClosedException(
                    "the transport of MCP server '" + server.name() + "' is closed");
            ended.compareAndSet(null, closed);
            streamSubscription.dispose();
            endpoint.tryEmitError(closed);
        }).then(postConnections.disposeLater());
    }

    /** A message refused with an error status: the session is not usable (a server that lost it answers 404). */
    private McpServerException refusedMessage(int status, String body) {
        McpServerException refused = problem("answered a message with HTTP " + status + errorText(body));
        fail(refused);
        return refused;
    }

    private Flux<EventStreamParser.Event> events() {
        EventStreamParser parser = new EventStreamParser(MAX_EVENT_BYTES);
        return stream.headers(headers -> headers.set(HttpHeaderNames.ACCEPT, EVENT_STREAM)
                        .set(HttpHeaderNames.CACHE_CONTROL, "no-cache"))
                .get()
                .uri(sse.url())
                .response((response, body) -> {
                    int status = response.status().code();
                    if (status / 100 != 2) {
                        return refusal(body, "answered the event stream request with HTTP " + status);
                    }
                    String type = Objects.requireNonNullElse(
                            response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE), "none");
                    if (!type.toLowerCase(Locale.ROOT).startsWith(EVENT_STREAM)) {
                        return refusal(body, "answered the event stream request with Content-Type " + type + ", not "
                                + EVENT_STREAM);
                    }
                    streamOpen = true;
                    return body.concatMapIterable(parser::feed);
                });
    }

    private Flux<EventStreamParser.Event> refusal(ByteBufFlux body, String problem) {
        return body.aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                .flatMapMany(text -> Flux.error(problem(problem + errorText(text))));
    }

    private void accept(EventStreamParser.Event event, Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
        if ("endpoint".equals(event.type())) {
            acceptEndpoint(event.data().strip());
        }
        else if ("message".equals(event.type())) {
            JSONRPCMessage message;
            try {
                message = McpSchema.deserializeJsonRpcMessage(json, event.data());
            }
            catch (Exception unreadable) {
                fail(problem("sent a message that is not JSON-RPC: " + FailureReason.of(unreadable, Duration.ZERO)));
                return;
            }
            handler.apply(Mono.just(message)).subscribe(handled -> {
            }, failure -> log.debug("MCP server '{}': a message was not handled: {}", server.name(),
                    server.transport().redactor().redact(failure.getMessage())));
        }
        else {
            log.debug("MCP server '{}' sent an event of type '{}', which is ignored", server.name(), event.type());
        }
    }

    /** Takes the first endpoint the server names, if it is on the stream's origin. */
    private void acceptEndpoint(String named) {
        URI messages;
        try {
            messages = sse.url().resolve(named);
        }
        catch (IllegalArgumentException notUrl) {
            fail(problem("named a message endpoint that is not a URL"));
            return;
        }
        URI stream = sse.url();
        if (!Objects.equals(messages.getScheme(), stream.getScheme())
                || !Objects.equals(messages.getHost(), stream.getHost()) || messages.getPort() != stream.getPort()) {
            fail(problem("named a message endpoint on another origin (" + RemoteEndpoint.describe(messages)
                    + "), where its headers are not sent"));
            return;
        }
        if (endpoint.tryEmitValue(messages).isSuccess()) {
            endpointKnown = true;
            log.debug("MCP server '{}' takes messages at {}", server.name(), RemoteEndpoint.describe(messages));
        }
    }

    private void streamFailed(Throwable failure) {
        if (failure instanceof McpServerException known) {
            fail(known);
        }
        else if (streamOpen) {
            fail(problem("event stream failed: " + FailureReason.of(failure, server.requestTimeout()), failure));
        }
        else {
            fail(problem("could not open its event stream: " + FailureReason.of(failure, server.initTimeout()),
                    failure));
        }
    }

    private void streamEnded() {
        fail(problem(endpointKnown ? "closed its event stream"
                : "closed its event stream before naming its message endpoint"));
    }

    /** Fails the transport with {@code reason}, unless it has already failed or is closed. */
    private void fail(Throwable reason) {
        if (!ended.compareAndSet(null, reason)) {
            return;
        }
        lost.tryEmitError(reason);
        endpoint.tryEmitError(reason);
        streamSubscription.dispose();
    }

    private McpServerException problem(String problem) {
        return problem(problem, null);
    }

    private McpServerException problem(String problem, Throwable cause) {
        return new McpServerException(server, problem, cause);
    }

    private static String errorText(String body) {
        String text = body.strip();
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > MAX_ERROR_BODY_CHARS ? text.substring(0, MAX_ERROR_BODY_CHARS) + "..." : text);
    }
}
