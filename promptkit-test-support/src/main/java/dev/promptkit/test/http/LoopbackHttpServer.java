/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An HTTP/1.1 server on a loopback ephemeral port that treats connections the way real servers do, for tests
 * of clients that keep connections alive: it caps idle connections, ends connections idle for too long, serves
 * a limited number of requests per connection (saying so or not), and resets or half-closes a share of
 * connections right after a request arrived, all as its {@link ConnectionConduct} says. Answers come from a
 * responder, a function of the request (a vendor's streamed fixture, say), so that re-sent and retried requests
 * are answered alike; an answer may also break off after some bytes ({@link LoopbackResponse#cutAfter}).
 *
 * <p>Triggers are counted, not timed, wherever possible: "every 3rd connection", "after 2 requests", and
 * {@link CloseTiming#AS_NEXT_REQUEST_ARRIVES} turns a close into the certain outcome of a close racing a
 * client's reuse. Counters tell what the server did, for tests to compare with what the client reports.
 * One thread per connection; {@link #close()} ends them all.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final ConnectionConduct conduct;
    private final Function<LoopbackRequest, LoopbackResponse> responder;
    private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<LoopbackRequest> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger droppedOnReused = new AtomicInteger();
    private final ScheduledExecutorService sweeper;
    private final Thread acceptor;

    private LoopbackHttpServer(ConnectionConduct conduct, Function<LoopbackRequest, LoopbackResponse> responder)
            throws IOException {
        this.socket = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        this.conduct = Objects.requireNonNull(conduct, "conduct");
        this.responder = Objects.requireNonNull(responder, "responder");
        this.sweeper = conduct.idleTimeout() != null && conduct.timing() == CloseTiming.AT_ONCE ? sweeper(conduct)
                : null;
        this.acceptor = new Thread(this::accept, "loopback-http-acceptor-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a server that answers every request with {@code responder}. */
    public static LoopbackHttpServer start(ConnectionConduct conduct,
            Function<LoopbackRequest, LoopbackResponse> responder) {
        try {
            return new LoopbackHttpServer(conduct, responder);
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not open a loopback port", e);
        }
    }

    /** The URL of {@code path} on this server, such as {@code http://127.0.0.1:41234/v1}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public int port() {
        return socket.getLocalPort();
    }

    public ConnectionConduct conduct() {
        return conduct;
    }

    /** Connections accepted so far. */
    public int connectionsAccepted() {
        return accepted.get();
    }

    /** Requests answered in full (counted as their answer goes out). */
    public int requestsAnswered() {
        return answered.get();
    }

    /** Requests read and given no byte of answer (the connection ended instead). */
    public int requestsDropped() {
        return dropped.get();
    }

    /** Of {@link #requestsDropped()}, those that came on a connection that had answered a request before. */
    public int requestsDroppedOnReusedConnections() {
        return droppedOnReused.get();
    }

    /** Every request read, in the order they arrived. */
    public List<LoopbackRequest> requests() {
        return List.copyOf(received);
    }

    /** Closes the port and ends every connection. */
    @Override
    public void close() {
        try {
            socket.close();
        }
        catch (IOException alreadyClosed) {
            // closed
        }
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        connections.forEach(connection -> connection.end(ConnectionEnding.CLOSE));
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                ServerConnection connection = new ServerConnection(this, client, accepted.incrementAndGet(), conduct);
                connections.add(connection);
                Thread thread = new Thread(connection, "loopback-http-" + port() + "-" + accepted.get());
                thread.setDaemon(true);
                thread.start();
            }
            catch (IOException closed) {
                return;
            }
        }
    }

    private ScheduledExecutorService sweeper(ConnectionConduct conduct) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "loopback-http-idle-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, conduct.idleTimeout().toMillis() / 4);
        scheduler.scheduleWithFixedDelay(this::endIdleTooLong, period, period, TimeUnit.MILLISECONDS);
        return scheduler;
    }

    private void endIdleTooLong() {
        long now = System.nanoTime();
        for (ServerConnection connection : connections) {
            long idleSince = connection.idleSince();
            if (idleSince >= 0 && conduct.idleTooLong(now - idleSince)) {
                connection.endIfIdleSince(idleSince, conduct.ending());
            }
        }
    }

    void received(LoopbackRequest request) {
        received.add(request);
    }

    LoopbackResponse answer(LoopbackRequest request) {
        return responder.apply(request);
    }

    void answered() {
        answered.incrementAndGet();
    }

    void dropped(boolean onReusedConnection) {
        dropped.incrementAndGet();
        if (onReusedConnection) {
            droppedOnReused.incrementAndGet();
        }
    }

    /** A connection became idle: beyond the cap, the longest idle ones are dismissed. */
    synchronized void becameIdle(ServerConnection connection) {
        if (conduct.maxIdleConnections() == 0) {
            return;
        }
        record Idle(ServerConnection connection, long since) {
        }
        List<Idle> idle = connections.stream().map(each -> new Idle(each, each.idleSince()))
                .filter(each -> each.since() >= 0).sorted(Comparator.comparingLong(Idle::since)).toList();
        for (int i = 0; i < idle.size() - conduct.maxIdleConnections(); i++) {
            idle.get(i).connection().dismissIfIdleSince(idle.get(i).since());
        }
    }

    void forget(ServerConnection connection) {
        connections.remove(connection);
    }
}
