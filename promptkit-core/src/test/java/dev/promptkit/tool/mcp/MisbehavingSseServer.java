/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An MCP server on the legacy HTTP+SSE transport, on a loopback port, with one tool ({@code echo}) and the
 * misbehaviour a test asks for: its {@link Conduct} spoils the event stream itself, and the {@code message}
 * argument of an {@code echo} call spoils that call ({@code close}: ends the stream instead of answering;
 * {@code stall}: never answers; {@code error}: a JSON-RPC error quoting the request's {@code Authorization};
 * {@code refuse}: HTTP 500 to the POST; {@code garble}: a message that is not JSON). The stream sends a comment
 * every 50 ms, which is how the server sees that a client has gone.
 */
final class MisbehavingSseServer implements AutoCloseable {

    /** What the event stream does. */
    enum Conduct {
        /** Names its endpoint, then answers as the calls ask. */
        WELL,
        /** Answers the GET with HTTP 401, quoting the request's {@code Authorization}. */
        REFUSES_STREAM,
        /** Opens the stream, but never names an endpoint. */
        NO_ENDPOINT,
        /** Never answers the GET. */
        STALLS,
        /** Names an endpoint on another host. */
        ENDPOINT_ELSEWHERE,
        /** Answers the GET with an HTML page. */
        NOT_AN_EVENT_STREAM
    }

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpServer http;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Conduct conduct;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger openStreams = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> methods = new CopyOnWriteArrayList<>();
    private volatile Stream current;

    private MisbehavingSseServer(Conduct conduct) throws IOException {
        this.conduct = conduct;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.setExecutor(threads);
        http.createContext("/sse", this::stream);
        http.createContext("/message", this::message);
        http.start();
    }

    static MisbehavingSseServer start(Conduct conduct) {
        try {
            return new MisbehavingSseServer(conduct);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/sse";
    }

    /** Event streams open now (a client that went away is noticed within 50 ms). */
    int openStreams() {
        return openStreams.get();
    }

    /** The {@code Authorization} of every request, in order. */
    List<String> authorizations() {
        return authorizations;
    }

    /** The JSON-RPC methods POSTed, in order. */
    List<String> methods() {
        return methods;
    }

    @Override
    public void close() {
        closed.countDown();
        http.stop(0);
        threads.shutdownNow();
    }

    private void stream(HttpExchange exchange) throws IOException {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        switch (conduct) {
            case REFUSES_STREAM -> answer(exchange, 401, "invalid token in "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            case STALLS -> awaitClose(Long.MAX_VALUE);
            case NOT_AN_EVENT_STREAM -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                answer(exchange, 200, "<html>login</html>");
            }
            default -> serveStream(exchange);
        }
    }

    private void serveStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        Stream stream = new Stream(exchange);
        current = stream;
        openStreams.incrementAndGet();
        try {
            if (conduct == Conduct.WELL) {
                stream.send("event: endpoint\ndata: /message?sessionId=1\n\n");
            }
            else if (conduct == Conduct.ENDPOINT_ELSEWHERE) {
                stream.send("event: endpoint\ndata: http://elsewhere.invalid/message\n\n");
            }
            while (!stream.ended && !awaitClose(50)) {
                stream.send(": keep-alive\n\n");
            }
        }
        catch (IOException clientGone) {
            // the client closed the stream
        }
        finally {
            openStreams.decrementAndGet();
            exchange.close();
        }
    }

    private void message(HttpExchange exchange) throws IOException {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String method = request.path("method").asString();
        methods.add(method);
        String argument = request.path("params").path("arguments").path("message").asString("");
        if ("tools/call".equals(method) && "refuse".equals(argument)) {
            answer(exchange, 500, "cannot take messages now");
            return;
        }
        answer(exchange, 202, "Accepted");
        if (!request.has("id")) {
            return;
        }
        Stream stream = current;
        switch (method) {
            case "initialize" -> stream.reply(request, JSON.readTree("""
                    {"protocolVersion": "2024-11-05", "capabilities": {"tools": {}},
                     "serverInfo": {"name": "misbehaving", "version": "1"}}"""));
            case "tools/list" -> stream.reply(request, JSON.readTree("""
                    {"tools": [{"name": "echo", "description": "Echoes the message", "inputSchema":
                        {"type": "object", "properties": {"message": {"type": "string"}}}}]}"""));
            case "tools/call" -> call(stream, request, argument,
                    exchange.getRequestHeaders().getFirst("Authorization"));
            default -> stream.replyError(request, "no method " + method);
        }
    }

    private void call(Stream stream, JsonNode request, String argument, String authorization) throws IOException {
        switch (argument) {
            case "close" -> stream.end();
            case "stall" -> {
            }
            case "error" -> stream.replyError(request, "the tool broke; your credentials were " + authorization);
            case "garble" -> stream.send("event: message\ndata: {\"jsonrpc\": \"2.0\", \"id\":\n\n");
            default -> {
                ObjectNode result = JSON.createObjectNode();
                result.putArray("content").addObject().put("type", "text").put("text", "Echo: " + argument);
                stream.reply(request, result);
            }
        }
    }

    private boolean awaitClose(long millis) {
        try {
            return closed.await(millis, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** One open event stream. */
    private static final class Stream {

        private final OutputStream out;
        private volatile boolean ended;

        Stream(HttpExchange exchange) {
            this.out = exchange.getResponseBody();
        }

        void reply(JsonNode request, JsonNode result) throws IOException {
            ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0");
            message.set("id", request.get("id"));
            message.set("result", result);
            send("event: message\ndata: " + JSON.writeValueAsString(message) + "\n\n");
        }

        void replyError(JsonNode request, String text) throws IOException {
            ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0");
            message.set("id", request.get("id"));
            message.putObject("error").put("code", -32603).put("message", text);
            send("event: message\ndata: " + JSON.writeValueAsString(message) + "\n\n");
        }

        synchronized void send(String text) throws IOException {
            if (!ended) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }

        /** Ends the stream: the serving thread closes the exchange. */
        void end() {
            ended = true;
        }
    }
}
